package io.eventsourcing.example;

import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.UUID;

// tag::discarded[]
/** Published when an entity is discarded. */
public record Discarded(UUID originatorId, long originatorVersion, Instant timestamp) implements VersionedEvent {
}
// end::discarded[]
