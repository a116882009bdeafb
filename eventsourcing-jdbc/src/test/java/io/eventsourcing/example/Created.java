package io.eventsourcing.example;

import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.UUID;

// tag::created[]
/** Published when an entity is created. */
public record Created(UUID originatorId, long originatorVersion, Instant timestamp, String foo) implements VersionedEvent {
}
// end::created[]
