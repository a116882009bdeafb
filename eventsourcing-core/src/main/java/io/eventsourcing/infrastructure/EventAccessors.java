package io.eventsourcing.infrastructure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The attribute accessors of event classes, looked up once per class and attribute. */
final class EventAccessors {

    private static final ClassValue<Map<String, Method>> BY_CLASS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private EventAccessors() {
    }

    /** The public no-argument method named {@code attribute} of {@code eventClass}, ready to invoke. */
    static Method of(Class<?> eventClass, String attribute) {
        return BY_CLASS.get(eventClass).computeIfAbsent(attribute, name -> lookUp(eventClass, name));
    }

    private static Method lookUp(Class<?> eventClass, String attribute) {
        try {
            Method method = eventClass.getMethod(attribute);
            if (Modifier.isStatic(method.getModifiers())) {
                throw new NoSuchMethodException(attribute);
            }
            method.trySetAccessible();
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(eventClass.getName() + " has no attribute '" + attribute
                    + "' (a public no-argument method) to sequence it by", e);
        }
    }
}
