package io.eventsourcing.autoconfigure;

import io.eventsourcing.domain.EventBus;
import io.eventsourcing.infrastructure.EventPlayer;
import io.eventsourcing.infrastructure.EventSourcedRepository;

/**
 * Makes the repositories that {@link EventSourcedRepositoryRegistrar} declares, when a bean of this type is there:
 * {@link ObservedRepositories} makes them measured and traced.
 */
interface RepositoryInstrumentation {

    /** The repository of an entity type, on the player and bus given. */
    <T> EventSourcedRepository<T> repository(EventPlayer<T> eventPlayer, EventBus eventBus, Class<T> entityType);
}
