package io.eventsourcing.domain;

import java.util.UUID;

/**
 * An event of a versioned originator, an entity or an aggregate: the originator's id, and its version
 * when the event happened (0 for the event that created it).
 * <p>
 * Implement {@link EntityEvent} or {@link AggregateEvent} rather than this interface directly.
 */
public interface VersionedEvent extends DomainEvent {

    /** The id of the entity or aggregate the event belongs to. */
    UUID originatorId();

    /** The version of the originator before the event was applied. */
    long originatorVersion();
}
