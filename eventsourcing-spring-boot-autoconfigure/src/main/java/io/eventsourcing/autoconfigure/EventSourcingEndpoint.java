package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.codec.AESCipher;
import io.eventsourcing.infrastructure.codec.Cipher;
import io.eventsourcing.infrastructure.snapshot.SnapshotStrategy;
import io.eventsourcing.projection.ProjectionStatus;
import io.eventsourcing.projection.Projections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code eventsourcing} Actuator endpoint ({@code GET /actuator/eventsourcing}): the store's kind, database,
 * schema and table, how many events it holds (counted, on a JDBC store) and the log position of the last, whether
 * events are encrypted and with which key ids (never a key), the snapshot settings, and the projections' generations
 * as the {@code projections} endpoint shows them.
 */
@Endpoint(id = "eventsourcing")
public class EventSourcingEndpoint {

    private final StoreInspector store;
    private final EventSourcingProperties properties;
    private final ObjectProvider<Cipher> cipher;
    private final ObjectProvider<SnapshotStrategy> snapshots;
    private final ObjectProvider<Projections> projections;

    EventSourcingEndpoint(StoreInspector store, EventSourcingProperties properties, ObjectProvider<Cipher> cipher,
                          ObjectProvider<SnapshotStrategy> snapshots, ObjectProvider<Projections> projections) {
        this.store = Objects.requireNonNull(store, "store");
        this.properties = Objects.requireNonNull(properties, "properties");
        this.cipher = cipher;
        this.snapshots = snapshots;
        this.projections = projections;
    }

    @ReadOperation
    public EventSourcingDescriptor eventSourcing() {
        Cipher eventCipher = cipher.getIfAvailable();
        List<String> keyIds = eventCipher instanceof AESCipher aes ? aes.keyIds() : List.of();
        boolean snapshotting = snapshots.getIfAvailable() != null;
        Projections running = projections.getIfAvailable();
        return new EventSourcingDescriptor(store.description(),
                new EventsDescriptor(boxed(store.countEvents()), boxed(store.lastPosition())),
                new CipherDescriptor(eventCipher != null,
                        eventCipher != null && properties.getCipher().isAlwaysEncrypt(), keyIds),
                new SnapshotsDescriptor(snapshotting, snapshotting ? properties.getSnapshots().getTable() : null,
                        properties.getSnapshots().getPeriod()),
                running == null ? List.of() : running.statuses());
    }

    private static @Nullable Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    /**
     * The endpoint's answer.
     *
     * @param store what holds the events, and where
     * @param events how many, and the last one's position
     * @param cipher the encryption of events
     * @param snapshots the snapshot settings
     * @param projections the generations of the projections on this instance, by name and generation
     */
    public record EventSourcingDescriptor(StoreDescription store, EventsDescriptor events, CipherDescriptor cipher,
                                          SnapshotsDescriptor snapshots, List<ProjectionStatus> projections) {
    }

    /**
     * @param count how many events the store holds; null where counting them would read them all (Cassandra)
     * @param lastPosition the log position of the last event; null if there is none
     */
    public record EventsDescriptor(@Nullable Long count, @Nullable Long lastPosition) {
    }

    /**
     * @param enabled whether a cipher is configured
     * @param alwaysEncrypt whether it encrypts every event, rather than those of classes annotated {@code @Encrypted}
     * @param keyIds the ids of its keys, the current key's first (from each key's digest; no key can be derived
     *               from them)
     */
    public record CipherDescriptor(boolean enabled, boolean alwaysEncrypt, List<String> keyIds) {
    }

    /**
     * @param enabled whether repositories start from snapshots
     * @param table the table of the snapshots, if enabled
     * @param period the number of events after which a snapshot is taken automatically; 0 for never
     */
    public record SnapshotsDescriptor(boolean enabled, @Nullable String table, long period) {
    }
}
