package io.eventsourcing.projection;

import io.eventsourcing.domain.DomainEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Handler} methods of one projection bean, and the dispatch of an event to the one of its most
 * specific type: its class, its superclasses, then their interfaces, nearest first. Methods overridden without
 * the annotation (as by a proxy's class) stay handlers. Thread-safe.
 */
final class ProjectionHandlers {

    /** The parameters that a handler may take after its event, each once, in any order. */
    private static final Set<Class<?>> CONTEXT = Set.of(Generation.class, Notification.class);

    private final Object projection;
    private final Map<Class<?>, Method> byEventType;
    private final Map<Class<?>, Optional<Method>> resolved = new ConcurrentHashMap<>();

    private ProjectionHandlers(Object projection, Map<Class<?>, Method> byEventType) {
        this.projection = projection;
        this.byEventType = byEventType;
    }

    /**
     * The handlers of a bean.
     *
     * @throws IllegalArgumentException naming a handler whose signature is not allowed, two handlers of one
     *                                  event type, or a bean without handlers
     */
    static ProjectionHandlers of(Object projection, String name) {
        Map<Class<?>, Method> byEventType = new HashMap<>();
        Set<String> signatures = new HashSet<>();
        for (Method method : annotatedMethods(projection.getClass())) {
            if (!signatures.add(method.getName() + List.of(method.getParameterTypes()))) {
                continue; // overridden, as by a proxy's class: the most derived method was taken
            }
            Class<?> eventType = eventType(method);
            Method other = byEventType.put(eventType, method);
            if (other != null) {
                throw new IllegalArgumentException("Projection '" + name + "' has two handlers of "
                        + eventType.getName() + ": " + other.getName() + " and " + method.getName());
            }
        }
        if (byEventType.isEmpty()) {
            throw new IllegalArgumentException("Projection '" + name + "' (" + projection.getClass().getName()
                    + ") has no @Handler methods");
        }
        return new ProjectionHandlers(projection, Map.copyOf(byEventType));
    }

    /** The {@link Handler} methods declared by a class and its superclasses, the most derived first. */
    private static List<Method> annotatedMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
            for (Method method : declaring.getDeclaredMethods()) {
                if (!method.isBridge() && (method.isAnnotationPresent(Handler.class)
                        || overridesHandler(method, declaring))) {
                    methods.add(method);
                }
            }
        }
        return methods;
    }

    private static boolean overridesHandler(Method method, Class<?> declaring) {
        for (Class<?> parent = declaring.getSuperclass(); parent != null; parent = parent.getSuperclass()) {
            try {
                if (parent.getDeclaredMethod(method.getName(), method.getParameterTypes())
                        .isAnnotationPresent(Handler.class)) {
                    return true;
                }
            } catch (NoSuchMethodException e) {
                // not declared there: look further up
            }
        }
        return false;
    }

    /** The event type of a handler, which is made callable whatever its and its class's visibility. */
    private static Class<?> eventType(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        String handler = method.getDeclaringClass().getName() + "." + method.getName();
        List<Class<?>> context = List.of(parameters).subList(Math.min(1, parameters.length), parameters.length);
        boolean allowed = !Modifier.isStatic(method.getModifiers()) && parameters.length > 0
                && DomainEvent.class.isAssignableFrom(parameters[0])
                && CONTEXT.containsAll(context) && Set.copyOf(context).size() == context.size();
        if (!allowed) {
            throw new IllegalArgumentException("@Handler method " + handler
                    + " must take a DomainEvent type, optionally followed by a Generation, a Notification or both");
        }
        if (!method.trySetAccessible()) {
            throw new IllegalArgumentException("@Handler method " + handler + " cannot be called from the library:"
                    + " its module does not open its package");
        }
        return parameters[0];
    }

    /** Whether some handler takes the event. */
    boolean handles(DomainEvent event) {
        return handler(event.getClass()).isPresent();
    }

    /**
     * Hands the event to its handler, if any.
     *
     * @throws HandlerFailedException if the handler throws
     */
    void handle(DomainEvent event, Generation generation, Notification notification) {
        Optional<Method> handler = handler(event.getClass());
        if (handler.isEmpty()) {
            return;
        }
        Method method = handler.get();
        Class<?>[] parameters = method.getParameterTypes();
        Object[] arguments = new Object[parameters.length];
        arguments[0] = event;
        for (int i = 1; i < parameters.length; i++) {
            arguments[i] = parameters[i] == Generation.class ? generation : notification;
        }
        try {
            method.invoke(projection, arguments);
        } catch (InvocationTargetException e) {
            throw new HandlerFailedException(method, e.getCause());
        } catch (IllegalAccessException e) {
            throw new HandlerFailedException(method, e);
        }
    }

    private Optional<Method> handler(Class<?> eventClass) {
        return resolved.computeIfAbsent(eventClass, this::mostSpecific);
    }

    private Optional<Method> mostSpecific(Class<?> eventClass) {
        Deque<Class<?>> types = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> type = eventClass; type != null; type = type.getSuperclass()) {
            types.add(type);
        }
        while (!types.isEmpty()) {
            Class<?> type = types.poll();
            if (!seen.add(type)) {
                continue;
            }
            Method method = byEventType.get(type);
            if (method != null) {
                return Optional.of(method);
            }
            types.addAll(List.of(type.getInterfaces()));
        }
        return Optional.empty();
    }

    /** A handler threw; the cause is what it threw. */
    static final class HandlerFailedException extends RuntimeException {

        HandlerFailedException(Method handler, Throwable cause) {
            super(handler.getName() + " failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        }
    }
}
