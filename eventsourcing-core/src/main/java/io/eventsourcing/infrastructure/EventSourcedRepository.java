package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.DomainEvents;
import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.domain.PendingEvents;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.domain.UndeliveredEventsException;
import io.eventsourcing.infrastructure.snapshot.Snapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The entities of one type, each rebuilt on demand from its stored events, and saved by publishing their
 * pending events on the application's {@link EventBus}, where its persistence policy stores them. Missing
 * and discarded entities are alike absent. Thread-safe; each call returns a new instance of the entity.
 *
 * @param <T> the entity type
 */
public class EventSourcedRepository<T> {

    private final EventPlayer<T> eventPlayer;
    private final EventBus eventBus;

    /** A repository whose entities are rebuilt by the mutator, saved on the process-wide {@link DomainEvents} bus. */
    public EventSourcedRepository(EventStore eventStore, Mutator<T> mutator) {
        this(new EventPlayer<>(eventStore, mutator));
    }

    /** A repository whose entities are rebuilt by the mutator, saved on the given bus. */
    public EventSourcedRepository(EventStore eventStore, Mutator<T> mutator, EventBus eventBus) {
        this(new EventPlayer<>(eventStore, mutator), eventBus);
    }

    /** A repository whose entities are rebuilt by the player, saved on the process-wide {@link DomainEvents} bus. */
    public EventSourcedRepository(EventPlayer<T> eventPlayer) {
        this(eventPlayer, DomainEvents.processBus());
    }

    /** A repository whose entities are rebuilt by the player, saved on the given bus. */
    public EventSourcedRepository(EventPlayer<T> eventPlayer, EventBus eventBus) {
        this.eventPlayer = Objects.requireNonNull(eventPlayer, "eventPlayer");
        this.eventBus = Objects.requireNonNull(eventBus, "eventBus");
    }

    /** Whether the entity exists and is not discarded. */
    public boolean contains(UUID entityId) {
        return findById(entityId).isPresent();
    }

    /**
     * The entity.
     *
     * @throws EntityNotFoundException if it was never stored, or was discarded
     */
    public T get(UUID entityId) {
        return findById(entityId).orElseThrow(() -> new EntityNotFoundException(entityId));
    }

    /** The entity, or empty if it was never stored or was discarded. */
    public Optional<T> findById(UUID entityId) {
        Objects.requireNonNull(entityId, "entityId");
        return eventPlayer.replay(entityId).filter(entity -> !isDiscarded(entity));
    }

    /**
     * Saves an entity: publishes its pending events as one unit on the bus, where the persistence policy
     * stores them in one atomic append and the subscribers after it see them, all in one transaction of
     * the store (joining the caller's). Then takes a snapshot, in that transaction, if the snapshot policy
     * asks for one; a failure to take it is logged, and the save stands. Once all that succeeded, the
     * events are no longer pending; if anything failed, they stay pending and nothing is stored.
     *
     * @throws ConcurrencyException if the entity was changed elsewhere since it was read
     * @throws UndeliveredEventsException if nothing is subscribed to store the events
     * @throws IllegalArgumentException if the entity does not keep its events pending ({@link PendingEvents})
     */
    public void save(T entity) {
        if (!(entity instanceof PendingEvents pendingEvents)) {
            throw new IllegalArgumentException(entity.getClass().getName() + " does not implement PendingEvents,"
                    + " so it has no pending events to save: it must publish its events itself");
        }
        List<? extends DomainEvent> events = pendingEvents.getPendingEvents();
        if (events.isEmpty()) {
            return;
        }
        eventPlayer.getEventStore().inTransaction(() -> {
            eventBus.publish(events);
            if (entity instanceof TimestampedVersionedEntity versioned) {
                eventPlayer.snapshotAfterSave(versioned, versioned.getVersion() - events.size());
            }
        });
        pendingEvents.clearPendingEvents();
    }

    /**
     * Takes a snapshot of the current state of an entity, so that loading it replays only later events.
     *
     * @throws EntityNotFoundException if the entity was never stored
     * @throws IllegalStateException if this repository's player has no snapshot strategy
     */
    public Snapshot takeSnapshot(UUID entityId) {
        return eventPlayer.takeSnapshot(entityId).orElseThrow(() -> new EntityNotFoundException(entityId));
    }

    /** The player that rebuilds this repository's entities. */
    public EventPlayer<T> getEventPlayer() {
        return eventPlayer;
    }

    private static boolean isDiscarded(Object entity) {
        return entity instanceof TimestampedVersionedEntity versioned && versioned.isDiscarded();
    }
}
