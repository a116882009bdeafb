package io.eventsourcing.example;

import io.eventsourcing.domain.EntityEvent;
import java.time.Instant;
import java.util.UUID;

// tag::discarded[]
/** Published when an entity is discarded. */
public record Discarded(UUID entityId, long entityVersion, Instant timestamp) implements EntityEvent {
}
// end::discarded[]
