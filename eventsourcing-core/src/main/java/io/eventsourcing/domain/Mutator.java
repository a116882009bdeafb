package io.eventsourcing.domain;

/**
 * Applies an event to the state of an entity: the function that both the entity's own methods and the
 * replay of its stored events use.
 *
 * @param <T> the entity type
 */
@FunctionalInterface
public interface Mutator<T> {

    /**
     * The state after the event.
     *
     * @param entity the state before the event, {@code null} before the event that creates the entity
     * @param event the event to apply
     * @return the new state; {@code null} when the event discards the entity
     */
    T apply(T entity, DomainEvent event);

    /**
     * The state after an event that an upcaster split from the same stored event as the event applied just
     * before it, so that both take one position of the sequence; by default, as {@link #apply}.
     */
    default T applyAlongside(T entity, DomainEvent event) {
        return apply(entity, event);
    }

    /**
     * The mutator of an entity class that applies events through its own methods: the class's
     * constructor taking the creating event builds the entity, and
     * {@link TimestampedVersionedEntity#mutate(VersionedEvent)} applies every later event.
     */
    static <T extends TimestampedVersionedEntity> Mutator<T> ofEntityClass(Class<T> entityClass) {
        return new EntityClassMutator<>(entityClass);
    }

    /**
     * The mutator that calls a static method {@code T name(T entity, DomainEvent event)} of the entity
     * class, such as the seed's mutator function.
     */
    static <T> Mutator<T> ofStaticMethod(Class<T> entityClass, String methodName) {
        return new StaticMethodMutator<>(entityClass, methodName);
    }
}
