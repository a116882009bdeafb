package io.eventsourcing.sample;

import io.eventsourcing.application.PersistencePolicy;
import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.DomainEvents;
import io.eventsourcing.domain.EventHandler;
import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.infrastructure.EventStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Plays a rival writer that stores a change of an entity just before the application stores its own change
 * at the same position: a race lost at the store, made deterministic. It subscribes to the process-wide bus
 * ahead of the persistence policy, so it sees each published change first; close it to unsubscribe.
 */
final class RivalWriter implements EventHandler, AutoCloseable {

    private final EventStore eventStore;
    private final Map<UUID, Function<VersionedEvent, DomainEvent>> armed = new ConcurrentHashMap<>();

    private RivalWriter(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** A rival that sees every published event before the policy stores it. */
    static RivalWriter aheadOf(PersistencePolicy persistencePolicy, EventStore eventStore) {
        RivalWriter rival = new RivalWriter(eventStore);
        persistencePolicy.close();
        DomainEvents.subscribe(rival);
        persistencePolicy.subscribe();
        return rival;
    }

    /**
     * Before the next change of an entity is stored, stores the rival's event instead, made from the first
     * event of that change (same id and position).
     */
    void preempt(UUID entityId, Function<VersionedEvent, DomainEvent> rivalEvent) {
        armed.put(entityId, rivalEvent);
    }

    @Override
    public void handle(List<DomainEvent> events) {
        if (events.get(0) instanceof VersionedEvent first) {
            Function<VersionedEvent, DomainEvent> rivalEvent = armed.remove(first.originatorId());
            if (rivalEvent != null) {
                eventStore.append(rivalEvent.apply(first));
            }
        }
    }

    @Override
    public void close() {
        DomainEvents.unsubscribe(this);
    }
}
