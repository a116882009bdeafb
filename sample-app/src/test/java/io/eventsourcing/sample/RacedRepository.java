package io.eventsourcing.sample;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A repository that plays a rival writer, which stores a change of an entity just before the application saves
 * its own change at the same position: a race lost at the store, made deterministic. The rival's event is
 * stored in a transaction of its own, before the save's begins, as another process's would be.
 */
final class RacedRepository<T extends TimestampedVersionedEntity> extends EventSourcedRepository<T> {

    private final EventStore eventStore;
    private final Map<UUID, Function<VersionedEvent, DomainEvent>> armed = new ConcurrentHashMap<>();

    RacedRepository(EventStore eventStore, Class<T> entityType, EventBus eventBus) {
        super(eventStore, Mutator.ofEntityClass(entityType), eventBus);
        this.eventStore = eventStore;
    }

    /**
     * Before the next save of an entity, stores the rival's event instead, made from the first event of that
     * save (same id and position).
     */
    void preempt(UUID entityId, Function<VersionedEvent, DomainEvent> rivalEvent) {
        armed.put(entityId, rivalEvent);
    }

    @Override
    public void save(T entity) {
        Function<VersionedEvent, DomainEvent> rivalEvent = armed.remove(entity.getId());
        if (rivalEvent != null) {
            eventStore.append(rivalEvent.apply(entity.getPendingEvents().get(0)));
        }
        super.save(entity);
    }
}
