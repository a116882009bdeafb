package io.eventsourcing.application;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.DomainEvents;
import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.EventHandler;
import io.eventsourcing.infrastructure.EventStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Stores every event published on an application's {@link EventBus} in an event store: events published
 * together are appended together, atomically. It receives events between {@link #subscribe()} and
 * {@link #close()}.
 */
public class PersistencePolicy implements EventHandler, AutoCloseable {

    private final EventStore eventStore;
    private final EventBus eventBus;
    private final Predicate<? super DomainEvent> accepts;

    /** A policy that will store every event published on the process-wide {@link DomainEvents} bus. */
    public PersistencePolicy(EventStore eventStore) {
        this(eventStore, DomainEvents.processBus());
    }

    /** A policy that will store every event published on the bus. */
    public PersistencePolicy(EventStore eventStore, EventBus eventBus) {
        this(eventStore, eventBus, event -> true);
    }

    /** A policy that will store the events published on the bus that the predicate accepts. */
    public PersistencePolicy(EventStore eventStore, EventBus eventBus, Predicate<? super DomainEvent> accepts) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.eventBus = Objects.requireNonNull(eventBus, "eventBus");
        this.accepts = Objects.requireNonNull(accepts, "accepts");
    }

    /** Starts receiving published events, also after {@link #close()}; does nothing if subscribed. */
    public synchronized PersistencePolicy subscribe() {
        if (!isSubscribed()) {
            eventBus.subscribe(this, accepts);
        }
        return this;
    }

    /** Whether the policy receives published events. */
    public boolean isSubscribed() {
        return eventBus.isSubscribed(this);
    }

    @Override
    public void handle(List<DomainEvent> events) {
        eventStore.append(events);
    }

    /** Unsubscribes; idempotent. */
    @Override
    public synchronized void close() {
        eventBus.unsubscribe(this);
    }
}
