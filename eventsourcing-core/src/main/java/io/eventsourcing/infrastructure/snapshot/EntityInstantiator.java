package io.eventsourcing.infrastructure.snapshot;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import sun.reflect.ReflectionFactory;

/**
 * Creates an entity instance without running its constructors, as Java deserialization does, so that
 * its fields can be filled from a snapshot whatever constructors the class has.
 */
final class EntityInstantiator {

    private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            try {
                return ReflectionFactory.getReflectionFactory()
                        .newConstructorForSerialization(type, Object.class.getDeclaredConstructor());
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("Object has no constructor", e);
            }
        }
    };

    private EntityInstantiator() {
    }

    static <T> T instantiate(Class<T> type) {
        try {
            return type.cast(CONSTRUCTORS.get(type).newInstance());
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot instantiate " + type.getName() + " from a snapshot", e);
        }
    }
}
