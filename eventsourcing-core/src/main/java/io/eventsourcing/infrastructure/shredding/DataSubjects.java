package io.eventsourcing.infrastructure.shredding;

import io.eventsourcing.domain.EventHandler;
import io.eventsourcing.domain.PersonalDataForgotten;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.snapshot.SnapshotStrategy;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Forgets data subjects: crypto-shredding. Forgetting a subject destroys its data key, records
 * {@link PersonalDataForgotten} after its entity's last event, and deletes the entity's snapshots. Its events stay and replay in
 * order in the notification log, their personal data erased; its entity reads as erased
 * ({@link PersonalDataErasedException}); its personal data is never stored again
 * ({@link DataSubjectForgottenException}). A save of the entity that races the forgetting either lands before the
 * record, and is erased with the rest, or fails. Thread-safe.
 */
public final class DataSubjects {

    private final EventStore eventStore;
    private final SubjectKeys keys;
    private final @Nullable SnapshotStrategy snapshots;
    private final EventHandler listeners;

    /**
     * Forgets subjects without telling anyone but the readers of the log.
     *
     * @throws IllegalArgumentException if the event store's mapper has no subjects' keys
     */
    public DataSubjects(EventStore eventStore, @Nullable SnapshotStrategy snapshots) {
        this(eventStore, snapshots, events -> { });
    }

    /**
     * @param eventStore the events, whose mapper encrypts personal data under its subjects' keys
     * @param snapshots the entities' snapshots, or {@code null} if none are taken
     * @param listeners told of each forgetting, once it is recorded (again when a subject is forgotten again)
     * @throws IllegalArgumentException if the event store's mapper has no subjects' keys
     */
    public DataSubjects(EventStore eventStore, @Nullable SnapshotStrategy snapshots, EventHandler listeners) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.keys = eventStore.getSequencedItemMapper().getSubjectKeys().orElseThrow(() ->
                new IllegalArgumentException("The event store's mapper has no data subjects' keys"));
        this.snapshots = snapshots;
        this.listeners = Objects.requireNonNull(listeners, "listeners");
    }

    /**
     * Forgets a data subject; forgetting it again changes nothing.
     *
     * @param subjectId the subject: the id of the entity whose events hold its personal data
     * @return the record of its forgetting
     */
    public PersonalDataForgotten forget(UUID subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        keys.forget(subjectId);
        PersonalDataForgotten forgotten = eventStore.recordForgotten(subjectId);
        if (snapshots != null) {
            snapshots.deleteSnapshots(subjectId); // after the record, which no save of the entity can follow
        }
        listeners.handle(List.of(forgotten));
        return forgotten;
    }

    /**
     * Wraps every subject's data key under the current master key; run after rotating the master key, before removing
     * the previous one from the configuration. Events are not touched.
     *
     * @return how many keys were wrapped anew
     */
    public int rewrapKeys() {
        return keys.rewrap();
    }
}
