package io.eventsourcing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The root entity of an aggregate: its events are applied at once but kept pending, and
 * {@link #save()} publishes them together, so that they are stored in one atomic append.
 * <p>
 * Its events are {@link AggregateEvent}s, sequenced by aggregate id and version.
 */
public abstract class AggregateRoot extends TimestampedVersionedEntity {

    // Transient and created lazily: not part of a snapshot, and absent from an instance restored from one.
    private transient List<VersionedEvent> pendingEvents;

    /** Builds the aggregate from the event that creates it. */
    protected AggregateRoot(VersionedEvent created) {
        super(created);
    }

    /** The events applied since the last save, in order. */
    public List<VersionedEvent> getPendingEvents() {
        return List.copyOf(pending());
    }

    /**
     * Publishes the pending events as one unit. They stay pending if a subscriber fails (for example
     * when the store reports a concurrent change).
     */
    public void save() {
        if (pending().isEmpty()) {
            return;
        }
        DomainEvents.publish(pendingEvents);
        pendingEvents.clear();
    }

    @Override
    protected void publish(VersionedEvent event) {
        pending().add(event);
    }

    private List<VersionedEvent> pending() {
        if (pendingEvents == null) {
            pendingEvents = new ArrayList<>();
        }
        return pendingEvents;
    }

    @Override
    protected AttributeChangedEvent attributeChanged(String name, Object value) {
        return new AttributeChanged(getId(), getVersion(), Timestamps.now(), name, value);
    }

    @Override
    protected DiscardedEvent discarded() {
        return new Discarded(getId(), getVersion(), Timestamps.now());
    }

    /** Published when an attribute of an aggregate root is changed. */
    public record AttributeChanged(UUID aggregateId, long aggregateVersion, Instant timestamp, String name,
                                   Object value) implements AggregateEvent, AttributeChangedEvent {
    }

    /** Published when an aggregate is discarded. */
    public record Discarded(UUID aggregateId, long aggregateVersion, Instant timestamp)
            implements AggregateEvent, DiscardedEvent {
    }
}
