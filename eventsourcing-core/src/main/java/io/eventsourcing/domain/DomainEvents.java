package io.eventsourcing.domain;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The synchronous publish-subscribe mechanism that carries events from the entities that publish them
 * to the application's policies.
 * <p>
 * Handlers run in the order they subscribed, in the publishing thread; {@code publish} returns only
 * after every handler has returned, and an exception thrown by a handler reaches the publisher (the
 * handlers after it do not run). Subscriptions are process-wide, as the entities that publish know
 * nothing but this class. Thread-safe.
 */
public final class DomainEvents {

    private static final List<Subscription> SUBSCRIPTIONS = new CopyOnWriteArrayList<>();

    private DomainEvents() {
    }

    /** Publishes one event. */
    public static void publish(DomainEvent event) {
        publish(List.of(event));
    }

    /**
     * Publishes events as one unit: each handler receives those of them that its predicate accepts in a
     * single call, so that the events of an aggregate's save are stored atomically.
     */
    public static void publish(List<? extends DomainEvent> events) {
        List<DomainEvent> unit = List.copyOf(events);
        if (unit.isEmpty()) {
            return;
        }
        for (Subscription subscription : SUBSCRIPTIONS) {
            subscription.deliver(unit);
        }
    }

    /** Subscribes a handler to every published event. */
    public static void subscribe(EventHandler handler) {
        subscribe(handler, event -> true);
    }

    /** Subscribes a handler to the published events that the predicate accepts. */
    public static void subscribe(EventHandler handler, Predicate<? super DomainEvent> predicate) {
        SUBSCRIPTIONS.add(new Subscription(handler, predicate));
    }

    /** Removes every subscription of the handler; a handler that is not subscribed is ignored. */
    public static void unsubscribe(EventHandler handler) {
        SUBSCRIPTIONS.removeIf(subscription -> subscription.handler() == handler);
    }

    /** Whether the handler is subscribed. */
    public static boolean isSubscribed(EventHandler handler) {
        return SUBSCRIPTIONS.stream().anyMatch(subscription -> subscription.handler() == handler);
    }

    private record Subscription(EventHandler handler, Predicate<? super DomainEvent> predicate) {

        Subscription {
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(predicate, "predicate");
        }

        void deliver(List<DomainEvent> unit) {
            List<DomainEvent> accepted = unit.stream().filter(predicate).toList();
            if (!accepted.isEmpty()) {
                handler.handle(accepted);
            }
        }
    }
}
