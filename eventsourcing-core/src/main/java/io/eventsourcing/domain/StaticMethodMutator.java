package io.eventsourcing.domain;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/** A mutator that calls a static method {@code T name(T entity, DomainEvent event)} of the entity class. */
final class StaticMethodMutator<T> implements Mutator<T> {

    private final Class<T> entityClass;
    private final Method method;

    StaticMethodMutator(Class<T> entityClass, String methodName) {
        this.entityClass = entityClass;
        try {
            this.method = entityClass.getDeclaredMethod(methodName, entityClass, DomainEvent.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(entityClass.getName() + " has no method static "
                    + entityClass.getSimpleName() + " " + methodName + "(" + entityClass.getSimpleName()
                    + ", DomainEvent) to use as its mutator", e);
        }
        if (!Modifier.isStatic(method.getModifiers()) || !entityClass.isAssignableFrom(method.getReturnType())) {
            throw new IllegalArgumentException(method + " must be static and return " + entityClass.getName()
                    + " to be a mutator");
        }
        method.setAccessible(true);
    }

    @Override
    public T apply(T entity, DomainEvent event) {
        try {
            return entityClass.cast(method.invoke(null, entity, event));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(method + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot call " + method, e);
        }
    }
}
