package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.Mutator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reconstitutes entities by replaying their stored events through a mutator. Thread-safe.
 *
 * @param <T> the entity type
 */
public class EventPlayer<T> {

    private final EventStore eventStore;
    private final Mutator<T> mutator;

    public EventPlayer(EventStore eventStore, Mutator<T> mutator) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.mutator = Objects.requireNonNull(mutator, "mutator");
    }

    /** The current state of an entity; empty if it has no events, or its mutator discarded it. */
    public Optional<T> replay(UUID entityId) {
        return replay(entityId, PositionRange.all());
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
        return replay(entityId, PositionRange.all().lt(version));
    }

    private Optional<T> replay(UUID entityId, PositionRange range) {
        Objects.requireNonNull(entityId, "entityId");
        @Nullable T state = null;
        for (DomainEvent event : eventStore.getDomainEvents(entityId, range)) {
            state = mutator.apply(state, event);
        }
        return Optional.ofNullable(state);
    }
}
