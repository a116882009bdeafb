package io.eventsourcing.application;

import io.eventsourcing.domain.DomainEvents;
import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import java.util.Objects;

/**
 * Base class of an event-sourced application: an event store, a persistence policy that stores every
 * event published on the application's bus while the application is open, and repositories over it,
 * whose saves publish on that bus. Close the application to unsubscribe the policy, for example with
 * try-with-resources.
 */
public abstract class EventSourcedApplication implements AutoCloseable {

    private final EventStore eventStore;
    private final EventBus eventBus;
    private final PersistencePolicy persistencePolicy;

    /**
     * An application on the process-wide {@link DomainEvents} bus, where the seed's entities publish: only
     * one such application should be open at a time.
     */
    protected EventSourcedApplication(EventStore eventStore) {
        this(eventStore, DomainEvents.processBus());
    }

    /** An application on a bus of its own. */
    protected EventSourcedApplication(EventStore eventStore, EventBus eventBus) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.eventBus = Objects.requireNonNull(eventBus, "eventBus");
        this.persistencePolicy = new PersistencePolicy(eventStore, eventBus).subscribe();
    }

    /** A repository of the entities that the mutator rebuilds from this application's events. */
    protected <T> EventSourcedRepository<T> repository(Mutator<T> mutator) {
        return new EventSourcedRepository<>(eventStore, mutator, eventBus);
    }

    public EventStore getEventStore() {
        return eventStore;
    }

    public EventBus getEventBus() {
        return eventBus;
    }

    public PersistencePolicy getPersistencePolicy() {
        return persistencePolicy;
    }

    /** Unsubscribes the persistence policy. */
    @Override
    public void close() {
        persistencePolicy.close();
    }
}
