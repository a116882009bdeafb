package io.eventsourcing.infrastructure.snapshot;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import io.eventsourcing.domain.TimestampedEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.util.TokenBuffer;

/**
 * The state of an entity at a version, stored as a time-sequenced event of the entity's id.
 *
 * @param originatorId the entity
 * @param timestamp when the snapshot was taken (its position in the entity's snapshot sequence)
 * @param entityType the name of the entity's class
 * @param schemaVersion the schema version of the entity's class ({@link io.eventsourcing.domain.SchemaVersion})
 *        that the state has; absent, and read as 1, in snapshots taken before schema versions
 * @param version the entity's version: the number of its events the state includes
 * @param shape a fingerprint of the entity class's fields, to detect a class that changed shape
 * @param state the entity's fields as JSON tokens, numbers kept as their text so that they read back exactly
 */
public record Snapshot(UUID originatorId, Instant timestamp, String entityType,
                       @JsonSetter(nulls = Nulls.AS_EMPTY) int schemaVersion, long version, String shape,
                       TokenBuffer state) implements TimestampedEvent {

    public Snapshot {
        Objects.requireNonNull(originatorId, "originatorId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(state, "state");
        if (schemaVersion == 0) {
            schemaVersion = 1; // absent: a snapshot taken before schema versions
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("The schema version of a snapshot must be 1 or more, was "
                    + schemaVersion);
        }
    }
}
