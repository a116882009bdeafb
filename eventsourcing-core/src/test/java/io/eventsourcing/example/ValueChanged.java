package io.eventsourcing.example;

import io.eventsourcing.domain.EntityEvent;
import java.time.Instant;
import java.util.UUID;

// tag::value-changed[]
/** Published when an attribute value is changed. */
public record ValueChanged(UUID entityId, long entityVersion, Instant timestamp, String name, String value)
        implements EntityEvent {
}
// end::value-changed[]
