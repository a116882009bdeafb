package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.EventNotApplicableException;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.domain.PersonalDataForgotten;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.infrastructure.shredding.PersonalDataErasedException;
import io.eventsourcing.infrastructure.snapshot.Snapshot;
import io.eventsourcing.infrastructure.snapshot.SnapshotPolicy;
import io.eventsourcing.infrastructure.snapshot.SnapshotStrategy;
import io.eventsourcing.infrastructure.snapshot.SnapshotStrategy.VersionedState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconstitutes entities by replaying their stored events through a mutator, optionally starting from
 * the newest snapshot at or below the version asked for. Thread-safe.
 *
 * @param <T> the entity type
 */
public class EventPlayer<T> {

    private static final Logger log = LoggerFactory.getLogger(EventPlayer.class);

    private final EventStore eventStore;
    private final Mutator<T> mutator;
    private final @Nullable Snapshotting<T> snapshotting;
    private final ReplayListener replayListener;

    /** A player that replays every event, without snapshots. */
    public EventPlayer(EventStore eventStore, Mutator<T> mutator) {
        this(eventStore, mutator, null, ReplayListener.NONE);
    }

    /**
     * A player that starts from snapshots of the entity class, and takes one after a replay when the
     * policy says so (a failure to take it is logged, never thrown).
     */
    public EventPlayer(EventStore eventStore, Mutator<T> mutator, SnapshotStrategy snapshotStrategy,
                       Class<T> entityType, SnapshotPolicy snapshotPolicy) {
        this(eventStore, mutator, new Snapshotting<>(Objects.requireNonNull(snapshotStrategy, "snapshotStrategy"),
                Objects.requireNonNull(entityType, "entityType"),
                Objects.requireNonNull(snapshotPolicy, "snapshotPolicy")), ReplayListener.NONE);
    }

    private EventPlayer(EventStore eventStore, Mutator<T> mutator, @Nullable Snapshotting<T> snapshotting,
                        ReplayListener replayListener) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.mutator = Objects.requireNonNull(mutator, "mutator");
        this.snapshotting = snapshotting;
        this.replayListener = Objects.requireNonNull(replayListener, "replayListener");
    }

    private record Snapshotting<T>(SnapshotStrategy strategy, Class<T> entityType, SnapshotPolicy policy) {
    }

    /** Told how each replay of an entity went, for metrics. Implementations are thread-safe, quick, and never throw. */
    @FunctionalInterface
    public interface ReplayListener {

        /** Ignores every replay. */
        ReplayListener NONE = (events, fromSnapshot) -> { };

        /**
         * An entity was rebuilt.
         *
         * @param events how many of its events were applied
         * @param fromSnapshot whether they were applied on top of a snapshot
         */
        void replayed(int events, boolean fromSnapshot);
    }

    /** The same player, telling the listener how each replay went. */
    public EventPlayer<T> withReplayListener(ReplayListener listener) {
        return new EventPlayer<>(eventStore, mutator, snapshotting, listener);
    }

    /** The store whose events this player replays. */
    public EventStore getEventStore() {
        return eventStore;
    }

    /**
     * The current state of an entity; empty if it has no events, its mutator discarded it, or its first event
     * creates an entity of another type.
     *
     * @throws DataIntegrityException if its events have a gap
     * @throws PersonalDataErasedException if its data subject was forgotten
     */
    public Optional<T> replay(UUID entityId) {
        Replay<T> replay = play(entityId, Long.MAX_VALUE);
        if (replay.state() != null) {
            snapshotIfDue(entityId, replay.state(), replay.startVersion(), replay.version());
        }
        return Optional.ofNullable(replay.state());
    }

    /**
     * Takes a snapshot of a just-saved entity if the snapshot policy asks for one after its version went
     * up from {@code fromVersion}; a failure is logged, never thrown.
     */
    void snapshotAfterSave(TimestampedVersionedEntity entity, long fromVersion) {
        if (snapshotting != null && snapshotting.entityType().isInstance(entity)) {
            snapshotIfDue(entity.getId(), snapshotting.entityType().cast(entity), fromVersion, entity.getVersion());
        }
    }

    /**
     * Takes a snapshot of a stored state if the snapshot policy asks for one after the entity's
     * version went from one value to another; a failure is logged, never thrown.
     */
    private void snapshotIfDue(UUID entityId, T state, long fromVersion, long toVersion) {
        if (snapshotting == null || !snapshotting.policy().shouldTakeSnapshot(fromVersion, toVersion)) {
            return;
        }
        try {
            snapshotting.strategy().takeSnapshot(entityId, state, toVersion);
        } catch (RuntimeException e) {
            log.warn("Could not take a snapshot of {} at version {}; its events are intact: {}", entityId,
                    toVersion, e.toString());
        }
    }

    /**
     * The state of an entity at a version: after its first {@code version} events.
     *
     * @throws IllegalArgumentException if the version is negative
     */
    public Optional<T> replay(UUID entityId, long version) {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative, was " + version);
        }
        return Optional.ofNullable(play(entityId, version).state());
    }

    /**
     * Takes a snapshot of the current state of an entity.
     *
     * @return the snapshot, or empty if the entity has no state
     * @throws IllegalStateException if this player has no snapshot strategy
     */
    public Optional<Snapshot> takeSnapshot(UUID entityId) {
        if (snapshotting == null) {
            throw new IllegalStateException("This player has no snapshot strategy");
        }
        Replay<T> replay = play(entityId, Long.MAX_VALUE);
        return replay.state() == null ? Optional.empty()
                : Optional.of(snapshotting.strategy().takeSnapshot(entityId, replay.state(), replay.version()));
    }

    private record Replay<T>(@Nullable T state, long startVersion, long version) {
    }

    private Replay<T> play(UUID entityId, long version) {
        Objects.requireNonNull(entityId, "entityId");
        Optional<VersionedState<T>> snapshot = snapshotting == null ? Optional.empty()
                : snapshotting.strategy().restore(entityId, version, snapshotting.entityType());
        @Nullable T state = snapshot.map(VersionedState::state).orElse(null);
        long from = snapshot.map(VersionedState::version).orElse(0L);
        PositionRange range = PositionRange.all().gte(from);
        List<DomainEvent> events = eventStore.getDomainEvents(entityId,
                version == Long.MAX_VALUE ? range : range.lt(version));
        EventSequencing sequencing = eventStore.getSequencedItemMapper().getSequencing();
        long reached = from;
        @Nullable Long previous = null;
        int applied = 0;
        for (DomainEvent event : events) {
            if (event instanceof PersonalDataForgotten) {
                throw new PersonalDataErasedException(entityId);
            }
            long position = sequencing.positionOf(event);
            // Events at the position of the one before were split from one stored event by upcasters.
            boolean alongside = previous != null && position == previous;
            if (!alongside && position != reached && sequencing.positionType(event.getClass()) != Instant.class) {
                throw new DataIntegrityException("Sequence " + entityId + " has no event at position " + reached
                        + ": the next one stored is at position " + position);
            }
            try {
                state = alongside ? mutator.applyAlongside(state, event) : mutator.apply(state, event);
            } catch (EventNotApplicableException e) {
                if (position == 0 && !alongside) {
                    replayListener.replayed(applied, snapshot.isPresent());
                    return new Replay<>(null, from, from); // the sequence of another type's entity
                }
                throw e;
            }
            reached = position + 1;
            previous = position;
            applied++;
        }
        replayListener.replayed(applied, snapshot.isPresent());
        return new Replay<>(state, from, reached);
    }
}
