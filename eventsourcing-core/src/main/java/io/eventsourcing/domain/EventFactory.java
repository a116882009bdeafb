package io.eventsourcing.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Makes an event from the originator's id, its version and a timestamp, which the entity supplies, so
 * that a command method names only what is its own: {@code trigger((id, version, at) -> new
 * Deposited(id, version, at, amount))}.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventFactory<E extends VersionedEvent> {

    /** The event of the originator at that version, happening at that time. */
    E create(UUID originatorId, long originatorVersion, Instant timestamp);
}
