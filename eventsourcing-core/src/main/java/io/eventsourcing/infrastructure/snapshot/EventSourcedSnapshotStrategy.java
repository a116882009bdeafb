package io.eventsourcing.infrastructure.snapshot;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.infrastructure.DataIntegrityException;
import io.eventsourcing.infrastructure.EventSequencing;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.PositionRange;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.codec.FaithfulJsonMapper;
import io.eventsourcing.infrastructure.shredding.PersonalDataErasedException;
import io.eventsourcing.infrastructure.upcasting.EventJson;
import io.eventsourcing.infrastructure.upcasting.SchemaVersions;
import io.eventsourcing.infrastructure.upcasting.Upcasters;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores snapshots as time-sequenced events of the entity's id, in an event store of their own (by
 * default the library's {@code snapshots} table), reusing the library's machinery as the seed does: the
 * snapshot store's mapper may encrypt them like events.
 * <p>
 * An entity's state is its instance fields (but transient ones), written as JSON by a Jackson mapper
 * that sees fields rather than getters; it is restored into an instance created without running a
 * constructor. A snapshot at an earlier schema version of the entity's class
 * ({@link io.eventsourcing.domain.SchemaVersion}) is brought to the current one by the upcasters of the snapshot
 * store's mapper registered for the class's name, as events are. A snapshot that no upcaster brings to the current
 * version, whose class changed shape since it was taken without a new schema version, or that cannot be
 * decrypted or read, is passed over with a warning, so that the events are replayed instead; one whose data subject
 * was forgotten is deleted. Thread-safe.
 */
public class EventSourcedSnapshotStrategy implements SnapshotStrategy {

    private static final Logger log = LoggerFactory.getLogger(EventSourcedSnapshotStrategy.class);
    private static final int CANDIDATES = 10;

    private final EventStore snapshotStore;
    private final JsonMapper stateMapper;

    /**
     * Snapshots in the given store, whose mapper must sequence by
     * {@link EventSequencing#TIMESTAMPED}; states written by a field-based copy of the given mapper.
     */
    public EventSourcedSnapshotStrategy(EventStore snapshotStore, JsonMapper jsonMapper) {
        this.snapshotStore = Objects.requireNonNull(snapshotStore, "snapshotStore");
        if (!EventSequencing.TIMESTAMPED.equals(snapshotStore.getSequencedItemMapper().getSequencing())) {
            throw new IllegalArgumentException("The snapshot store must sequence by EventSequencing.TIMESTAMPED");
        }
        this.stateMapper = FaithfulJsonMapper.copyOf(jsonMapper).rebuild()
                .changeDefaultVisibility(visibility -> visibility
                        .withFieldVisibility(Visibility.ANY)
                        .withGetterVisibility(Visibility.NONE)
                        .withIsGetterVisibility(Visibility.NONE)
                        .withSetterVisibility(Visibility.NONE)
                        .withCreatorVisibility(Visibility.NONE))
                .enable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Override
    public Snapshot takeSnapshot(UUID entityId, Object state, long version) {
        Snapshot snapshot = new Snapshot(entityId, Timestamps.now(), state.getClass().getName(),
                SchemaVersions.of(state.getClass()), version, EntityShape.of(state.getClass()),
                stateMapper.writeValueIntoBuffer(state));
        snapshotStore.append(snapshot);
        return snapshot;
    }

    @Override
    public int deleteSnapshots(UUID entityId) {
        return snapshotStore.getActiveRecordStrategy().deleteItems(entityId);
    }

    @Override
    public <T> Optional<VersionedState<T>> restore(UUID entityId, long maxVersion, Class<T> entityType) {
        SequencedItemMapper mapper = snapshotStore.getSequencedItemMapper();
        try {
            for (SequencedItem item : snapshotStore.getActiveRecordStrategy()
                    .getItems(entityId, PositionRange.all().inDescendingOrder().limit(CANDIDATES))) {
                Optional<Snapshot> snapshot = read(mapper, item);
                if (snapshot.isPresent() && snapshot.get().version() <= maxVersion) {
                    Optional<VersionedState<T>> restored = restore(snapshot.get(), item, entityType);
                    if (restored.isPresent()) {
                        return restored;
                    }
                }
            }
        } catch (PersonalDataErasedException e) {
            // Taken by a load that raced the forgetting of the entity's data subject: unreadable, and no longer kept.
            log.warn("Deleting the snapshots of {}, erased with its data subject", entityId);
            deleteSnapshots(entityId);
        }
        return Optional.empty();
    }

    private static Optional<Snapshot> read(SequencedItemMapper mapper, SequencedItem item) {
        try {
            DomainEvent event = mapper.fromSequencedItem(item);
            if (event instanceof Snapshot snapshot) {
                return Optional.of(snapshot);
            }
            log.warn("Passing over {} of the snapshot store: it holds a {}, not a snapshot", item.describe(),
                    event.getClass().getName());
        } catch (DataIntegrityException e) {
            log.warn("Passing over an unreadable snapshot, the events will be replayed: {}", e.getMessage());
        }
        return Optional.empty();
    }

    private <T> Optional<VersionedState<T>> restore(Snapshot snapshot, SequencedItem item, Class<T> entityType) {
        int currentVersion = SchemaVersions.of(entityType);
        if (!snapshot.entityType().equals(entityType.getName())) {
            return passOver(snapshot, item, "it is of " + snapshot.entityType() + ", not " + entityType.getName());
        }
        try {
            T state = EntityInstantiator.instantiate(entityType);
            if (snapshot.schemaVersion() == currentVersion) {
                if (!snapshot.shape().equals(EntityShape.of(entityType))) {
                    return passOver(snapshot, item, entityType.getName() + " changed shape since, at the same schema"
                            + " version " + currentVersion);
                }
                return Optional.of(new VersionedState<>(stateMapper.readerForUpdating(state)
                        .readValue(snapshot.state()), snapshot.version()));
            }
            Optional<byte[]> upcast = upcast(snapshot, currentVersion);
            if (upcast.isEmpty()) {
                return passOver(snapshot, item, "its schema version " + snapshot.schemaVersion()
                        + (snapshot.schemaVersion() > currentVersion ? " is newer than version " + currentVersion
                                : " is not brought to version " + currentVersion + " by upcasters")
                        + " of " + entityType.getName());
            }
            return Optional.of(new VersionedState<>(stateMapper.readerForUpdating(state).readValue(upcast.get()),
                    snapshot.version()));
        } catch (JacksonException | IllegalArgumentException | IllegalStateException e) {
            return passOver(snapshot, item, e.getMessage());
        }
    }

    /** The state of a snapshot at another schema version, upcast to the current one; empty if none takes it there. */
    private Optional<byte[]> upcast(Snapshot snapshot, int currentVersion) {
        Upcasters upcasters = snapshotStore.getSequencedItemMapper().getUpcasters();
        if (!upcasters.upcasts(snapshot.entityType(), snapshot.schemaVersion())) {
            return Optional.empty();
        }
        List<EventJson> upcast = upcasters.upcast(snapshot.entityType(), snapshot.schemaVersion(),
                stateMapper.writeValueAsBytes(snapshot.state()));
        boolean current = upcast.size() == 1 && upcast.get(0).topic().equals(snapshot.entityType())
                && upcast.get(0).schemaVersion() == currentVersion;
        return current ? Optional.of(upcast.get(0).toBytes()) : Optional.empty();
    }

    private static <T> Optional<T> passOver(Snapshot snapshot, SequencedItem item, String reason) {
        log.warn("Passing over the snapshot of {} taken at version {} ({}), the events will be replayed: {}",
                snapshot.originatorId(), snapshot.version(), item.describe(), reason);
        return Optional.empty();
    }
}
