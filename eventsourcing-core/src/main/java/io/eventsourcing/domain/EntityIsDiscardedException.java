package io.eventsourcing.domain;

import java.util.UUID;

/** Thrown on an attempt to change an entity that has been discarded. */
public class EntityIsDiscardedException extends IllegalStateException {

    private final UUID entityId;

    public EntityIsDiscardedException(Class<?> entityClass, UUID entityId) {
        super(entityClass.getSimpleName() + " " + entityId + " is discarded and cannot be changed");
        this.entityId = entityId;
    }

    /** The id of the discarded entity. */
    public UUID getEntityId() {
        return entityId;
    }
}
