package io.eventsourcing.domain;

import java.util.UUID;

/**
 * An event of a versioned originator, an entity or an aggregate: the originator's id, and its version
 * when the event happened (0 for the event that created it). The store keeps it at position
 * {@code originatorVersion} of the sequence {@code originatorId}.
 * <p>
 * Records make good events: {@code record Deposited(UUID originatorId, long originatorVersion, Instant
 * timestamp, long amount) implements VersionedEvent}.
 */
public interface VersionedEvent extends DomainEvent {

    /** The id of the entity or aggregate the event belongs to. */
    UUID originatorId();

    /** The version of the originator before the event was applied. */
    long originatorVersion();
}
