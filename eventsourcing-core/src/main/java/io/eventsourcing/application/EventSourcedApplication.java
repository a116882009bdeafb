package io.eventsourcing.application;

import io.eventsourcing.domain.Mutator;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import java.util.Objects;

/**
 * Base class of an event-sourced application: an event store, a persistence policy that stores every
 * published event in it while the application is open, and repositories over it. Close the application
 * to unsubscribe the policy, for example with try-with-resources.
 */
public abstract class EventSourcedApplication implements AutoCloseable {

    private final EventStore eventStore;
    private final PersistencePolicy persistencePolicy;

    protected EventSourcedApplication(EventStore eventStore) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.persistencePolicy = new PersistencePolicy(eventStore).subscribe();
    }

    /** A repository of the entities that the mutator rebuilds from this application's events. */
    protected <T> EventSourcedRepository<T> repository(Mutator<T> mutator) {
        return new EventSourcedRepository<>(eventStore, mutator);
    }

    public EventStore getEventStore() {
        return eventStore;
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
