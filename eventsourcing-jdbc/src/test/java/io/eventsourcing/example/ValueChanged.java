package io.eventsourcing.example;

import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.UUID;

// tag::value-changed[]
/** Published when an attribute value is changed. */
public record ValueChanged(UUID originatorId, long originatorVersion, Instant timestamp, String name, String value)
        implements VersionedEvent {
}
// end::value-changed[]
