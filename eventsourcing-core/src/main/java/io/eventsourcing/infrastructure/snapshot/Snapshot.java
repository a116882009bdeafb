package io.eventsourcing.infrastructure.snapshot;

import io.eventsourcing.domain.TimestampedEntityEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The state of an entity at a version, stored as a time-sequenced event of the entity's id.
 *
 * @param entityId the entity
 * @param timestamp when the snapshot was taken (its position in the entity's snapshot sequence)
 * @param entityType the name of the entity's class
 * @param version the entity's version: the number of its events the state includes
 * @param shape a fingerprint of the entity class's fields, to detect a class that changed shape
 * @param state the entity's fields as JSON
 */
public record Snapshot(UUID entityId, Instant timestamp, String entityType, long version, String shape,
                       JsonNode state) implements TimestampedEntityEvent {

    public Snapshot {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(state, "state");
    }
}
