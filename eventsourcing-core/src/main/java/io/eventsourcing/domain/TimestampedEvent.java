package io.eventsourcing.domain;

import java.util.UUID;

/**
 * An unversioned event, sequenced in time within its originator (an entry in a log, a snapshot): its
 * {@link #timestamp()} is its position. Take timestamps from {@link Timestamps#now()} so that they are
 * unique within the process.
 */
public interface TimestampedEvent extends DomainEvent {

    /** The id of the sequence (log, entity) the event belongs to. */
    UUID originatorId();
}
