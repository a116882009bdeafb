package io.eventsourcing.domain;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;

/** Applies events to a {@link TimestampedVersionedEntity} subclass through its constructor and methods. */
final class EntityClassMutator<T extends TimestampedVersionedEntity> implements Mutator<T> {

    private final Class<T> entityClass;
    private final List<Constructor<T>> creators;

    @SuppressWarnings("unchecked")
    EntityClassMutator(Class<T> entityClass) {
        this.entityClass = entityClass;
        this.creators = Arrays.stream((Constructor<T>[]) entityClass.getDeclaredConstructors())
                .filter(constructor -> constructor.getParameterCount() == 1
                        && VersionedEvent.class.isAssignableFrom(constructor.getParameterTypes()[0]))
                .toList();
        if (creators.isEmpty()) {
            throw new IllegalArgumentException(entityClass.getName()
                    + " has no constructor taking the event that creates it (one VersionedEvent parameter)");
        }
        creators.forEach(constructor -> constructor.setAccessible(true));
    }

    @Override
    public T apply(T entity, DomainEvent event) {
        if (!(event instanceof VersionedEvent versioned)) {
            throw new EventNotApplicableException("Cannot apply " + event.getClass().getName() + " to "
                    + entityClass.getName() + ": it is not a VersionedEvent");
        }
        if (entity == null) {
            return create(versioned);
        }
        entity.mutate(versioned);
        return entity;
    }

    /** Applies the event at the version of the event before it, which was split from the same stored event. */
    @Override
    public T applyAlongside(T entity, DomainEvent event) {
        if (entity == null || !(event instanceof VersionedEvent versioned)) {
            return apply(entity, event);
        }
        entity.mutateAlongside(versioned);
        return entity;
    }

    private T create(VersionedEvent event) {
        Constructor<T> constructor = creators.stream()
                .filter(candidate -> candidate.getParameterTypes()[0].isInstance(event))
                .findFirst()
                .orElseThrow(() -> new EventNotApplicableException(entityClass.getName() + " " + event.originatorId()
                        + " cannot be created by " + event.getClass().getName()
                        + ": no constructor takes that event"));
        try {
            return constructor.newInstance(event);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Creating " + entityClass.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot call " + constructor, e);
        }
    }
}
