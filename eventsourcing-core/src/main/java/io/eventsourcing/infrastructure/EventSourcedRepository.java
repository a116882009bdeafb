package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.AggregateRoot;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.infrastructure.snapshot.Snapshot;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The entities of one type, each rebuilt on demand from its stored events. Missing and discarded
 * entities are alike absent. Thread-safe; each call returns a new instance of the entity.
 *
 * @param <T> the entity type
 */
public class EventSourcedRepository<T> {

    private final EventPlayer<T> eventPlayer;

    /** A repository whose entities are rebuilt by the mutator from the store's events. */
    public EventSourcedRepository(EventStore eventStore, Mutator<T> mutator) {
        this(new EventPlayer<>(eventStore, mutator));
    }

    public EventSourcedRepository(EventPlayer<T> eventPlayer) {
        this.eventPlayer = Objects.requireNonNull(eventPlayer, "eventPlayer");
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
     * Saves an aggregate: publishes its pending events as one unit, which the persistence policy stores
     * in one atomic append. Then takes a snapshot if the snapshot policy asks for one; a failure to take
     * it is logged, and the save stands. (A JDBC snapshot store writes it in a nested transaction, so
     * that inside the caller's transaction it commits with the events, and a failure leaves them intact.)
     *
     * @throws ConcurrencyException if the aggregate was changed elsewhere since it was read
     */
    public void save(AggregateRoot aggregate) {
        long fromVersion = aggregate.getVersion() - aggregate.getPendingEvents().size();
        aggregate.save();
        eventPlayer.snapshotAfterSave(aggregate, fromVersion);
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
