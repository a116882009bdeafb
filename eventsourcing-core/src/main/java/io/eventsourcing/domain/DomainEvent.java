package io.eventsourcing.domain;

import java.time.Instant;

/**
 * Layer supertype of every domain event: something that happened, at a point in time.
 * <p>
 * Events are immutable values; Java records make good events.
 */
public interface DomainEvent {

    /** When the event happened. */
    Instant timestamp();
}
