package io.eventsourcing.domain;

/** An event that discards its originator, applied by {@link TimestampedVersionedEntity}. */
public interface DiscardedEvent extends VersionedEvent {
}
