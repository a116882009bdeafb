package io.eventsourcing.domain;

import java.util.List;

/**
 * The seed's module-level {@code publish} and {@code subscribe}: one {@link EventBus} for the whole
 * process, for code written in the seed's style, whose entities publish their events without knowing
 * any application (the worked example, {@link AggregateRoot#save()}).
 * <p>
 * Process-wide state: two applications in one JVM that both subscribe here see each other's events.
 * Frameworks give each application a bus of its own instead; the Spring Boot starter never uses this
 * one. Thread-safe.
 */
public final class DomainEvents {

    private static final EventBus PROCESS_BUS = new EventBus();

    private DomainEvents() {
    }

    /** The bus behind these methods. */
    public static EventBus processBus() {
        return PROCESS_BUS;
    }

    /**
     * Publishes one event.
     *
     * @throws UndeliveredEventsException if no handler receives it
     */
    public static void publish(DomainEvent event) {
        PROCESS_BUS.publish(event);
    }

    /**
     * Publishes events as one unit (see {@link EventBus#publish(List)}).
     *
     * @throws UndeliveredEventsException if no handler receives any of them
     */
    public static void publish(List<? extends DomainEvent> events) {
        PROCESS_BUS.publish(events);
    }

    /** Subscribes a handler to every published event. */
    public static void subscribe(EventHandler handler) {
        PROCESS_BUS.subscribe(handler);
    }

    /** Removes every subscription of the handler; a handler that is not subscribed is ignored. */
    public static void unsubscribe(EventHandler handler) {
        PROCESS_BUS.unsubscribe(handler);
    }

    /** Whether the handler is subscribed. */
    public static boolean isSubscribed(EventHandler handler) {
        return PROCESS_BUS.isSubscribed(handler);
    }
}
