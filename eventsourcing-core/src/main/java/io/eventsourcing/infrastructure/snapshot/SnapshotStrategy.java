package io.eventsourcing.infrastructure.snapshot;

import java.util.Optional;
import java.util.UUID;

/** Stores and finds snapshots of entities. Implementations are thread-safe. */
public interface SnapshotStrategy {

    /**
     * Stores the state of an entity at a version.
     *
     * @param version the number of the entity's events that the state includes
     */
    Snapshot takeSnapshot(UUID entityId, Object state, long version);

    /**
     * The newest readable snapshot of an entity at or below a version, restored to an instance of the
     * entity class. A snapshot that can no longer be read (the class changed shape) is passed over.
     */
    <T> Optional<VersionedState<T>> restore(UUID entityId, long maxVersion, Class<T> entityType);

    /**
     * Deletes every snapshot of an entity, as when its data subject is forgotten.
     *
     * @return how many were deleted
     */
    int deleteSnapshots(UUID entityId);

    /**
     * A restored state.
     *
     * @param state the entity
     * @param version the number of the entity's events it includes
     */
    record VersionedState<T>(T state, long version) {
    }
}
