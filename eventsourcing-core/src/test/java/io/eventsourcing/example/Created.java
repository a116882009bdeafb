package io.eventsourcing.example;

import io.eventsourcing.domain.EntityEvent;
import java.time.Instant;
import java.util.UUID;

// tag::created[]
/** Published when an entity is created. */
public record Created(UUID entityId, long entityVersion, Instant timestamp, String foo) implements EntityEvent {
}
// end::created[]
