package io.eventsourcing.infrastructure;

import java.util.NoSuchElementException;
import java.util.UUID;

/** Thrown by a repository for an entity that was never stored, was discarded, or is of another type. */
public class EntityNotFoundException extends NoSuchElementException {

    private final UUID entityId;

    public EntityNotFoundException(UUID entityId) {
        super("No entity " + entityId + " (never stored, discarded, or of another type)");
        this.entityId = entityId;
    }

    /** The id that was looked up. */
    public UUID getEntityId() {
        return entityId;
    }
}
