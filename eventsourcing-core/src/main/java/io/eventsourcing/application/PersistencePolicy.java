package io.eventsourcing.application;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.DomainEvents;
import io.eventsourcing.domain.EventHandler;
import io.eventsourcing.infrastructure.EventStore;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Stores every published domain event in an event store: events published together are appended
 * together, atomically. It receives events between {@link #subscribe()} and {@link #close()}.
 */
public class PersistencePolicy implements EventHandler, AutoCloseable {

    private final EventStore eventStore;
    private final Predicate<? super DomainEvent> accepts;

    /** A policy that will store every published event. */
    public PersistencePolicy(EventStore eventStore) {
        this(eventStore, event -> true);
    }

    /** A policy that will store the published events the predicate accepts. */
    public PersistencePolicy(EventStore eventStore, Predicate<? super DomainEvent> accepts) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.accepts = Objects.requireNonNull(accepts, "accepts");
    }

    /** Starts receiving published events, also after {@link #close()}; does nothing if subscribed. */
    public synchronized PersistencePolicy subscribe() {
        if (!isSubscribed()) {
            DomainEvents.subscribe(this, accepts);
        }
        return this;
    }

    /** Whether the policy receives published events. */
    public boolean isSubscribed() {
        return DomainEvents.isSubscribed(this);
    }

    @Override
    public void handle(List<DomainEvent> events) {
        eventStore.append(events);
    }

    /** Unsubscribes; idempotent. */
    @Override
    public synchronized void close() {
        DomainEvents.unsubscribe(this);
    }
}
