package io.eventsourcing.domain;

import java.util.UUID;

/** An event of an aggregate, identified by {@code aggregateId} and {@code aggregateVersion}. */
public interface AggregateEvent extends VersionedEvent {

    /** The id of the aggregate the event belongs to. */
    UUID aggregateId();

    /** The version of the aggregate before the event was applied. */
    long aggregateVersion();

    @Override
    default UUID originatorId() {
        return aggregateId();
    }

    @Override
    default long originatorVersion() {
        return aggregateVersion();
    }
}
