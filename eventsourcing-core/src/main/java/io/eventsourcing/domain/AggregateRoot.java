package io.eventsourcing.domain;

import java.util.List;

/**
 * The root entity of an aggregate, as in the seed's step 7: its events are applied at once and kept
 * pending, and saved together in one atomic append, by its repository or by {@link #save()}.
 */
public abstract class AggregateRoot extends TimestampedVersionedEntity {

    /** Builds the aggregate from the event that creates it. */
    protected AggregateRoot(VersionedEvent created) {
        super(created);
    }

    /**
     * Publishes the pending events as one unit on the process-wide {@link DomainEvents} bus, where the seed's
     * persistence policy stores them; in a Spring application, save with the aggregate's repository
     * instead. The events stay pending if a subscriber fails (for example when the store reports a
     * concurrent change) or none receives them.
     *
     * @throws UndeliveredEventsException if no subscriber receives the events
     */
    public void save() {
        List<VersionedEvent> pending = getPendingEvents();
        if (!pending.isEmpty()) {
            DomainEvents.publish(pending);
            clearPendingEvents();
        }
    }
}
