package io.eventsourcing.domain;

import java.util.UUID;

/** An event of a versioned entity, identified by {@code entityId} and {@code entityVersion}. */
public interface EntityEvent extends VersionedEvent {

    /** The id of the entity the event belongs to. */
    UUID entityId();

    /** The version of the entity before the event was applied. */
    long entityVersion();

    @Override
    default UUID originatorId() {
        return entityId();
    }

    @Override
    default long originatorVersion() {
        return entityVersion();
    }
}
