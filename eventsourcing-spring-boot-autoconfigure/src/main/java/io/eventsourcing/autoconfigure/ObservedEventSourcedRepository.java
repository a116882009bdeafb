package io.eventsourcing.autoconfigure;

import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.PendingEvents;
import io.eventsourcing.infrastructure.EventPlayer;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import java.util.Optional;
import java.util.UUID;

/** A repository whose loads and saves are measured and traced by the instruments of its entity type. */
final class ObservedEventSourcedRepository<T> extends EventSourcedRepository<T> {

    private final RepositoryInstruments instruments;

    ObservedEventSourcedRepository(EventPlayer<T> eventPlayer, EventBus eventBus, RepositoryInstruments instruments) {
        super(eventPlayer, eventBus);
        this.instruments = instruments;
    }

    @Override
    public Optional<T> findById(UUID entityId) {
        return instruments.load(() -> super.findById(entityId));
    }

    /** A save of pending events is an append; any other is left to the repository, to refuse or to pass over. */
    @Override
    public void save(T entity) {
        int events = entity instanceof PendingEvents pending ? pending.getPendingEvents().size() : 0;
        if (events == 0) {
            super.save(entity);
        } else {
            instruments.append(events, () -> super.save(entity));
        }
    }
}
