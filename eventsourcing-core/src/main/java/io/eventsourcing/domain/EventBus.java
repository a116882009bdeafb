package io.eventsourcing.domain;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The synchronous publish-subscribe mechanism that carries events to an application's policies, such as
 * the persistence policy that stores them. Each application owns one: a Spring application context has
 * its own, so that two applications in one JVM never see each other's events.
 * <p>
 * Handlers run in the order they subscribed, in the publishing thread; {@code publish} returns only
 * after every handler has returned, and an exception thrown by a handler reaches the publisher (the
 * handlers after it do not run). Events that no handler receives are refused, never dropped.
 * Thread-safe.
 */
public final class EventBus {

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    /** Publishes one event. */
    public void publish(DomainEvent event) {
        publish(List.of(event));
    }

    /**
     * Publishes events as one unit: each handler receives those of them that its predicate accepts in a
     * single call, so that the events of an aggregate's save are stored atomically.
     *
     * @throws UndeliveredEventsException if no handler receives any of them
     */
    public void publish(List<? extends DomainEvent> events) {
        List<DomainEvent> unit = List.copyOf(events);
        if (unit.isEmpty()) {
            return;
        }
        boolean delivered = false;
        for (Subscription subscription : subscriptions) {
            delivered |= subscription.deliver(unit);
        }
        if (!delivered) {
            throw new UndeliveredEventsException(unit);
        }
    }

    /** Subscribes a handler to every published event. */
    public void subscribe(EventHandler handler) {
        subscribe(handler, event -> true);
    }

    /** Subscribes a handler to the published events that the predicate accepts. */
    public void subscribe(EventHandler handler, Predicate<? super DomainEvent> predicate) {
        subscriptions.add(new Subscription(handler, predicate));
    }

    /** Removes every subscription of the handler; a handler that is not subscribed is ignored. */
    public void unsubscribe(EventHandler handler) {
        subscriptions.removeIf(subscription -> subscription.handler() == handler);
    }

    /** Whether the handler is subscribed. */
    public boolean isSubscribed(EventHandler handler) {
        return subscriptions.stream().anyMatch(subscription -> subscription.handler() == handler);
    }

    private record Subscription(EventHandler handler, Predicate<? super DomainEvent> predicate) {

        Subscription {
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(predicate, "predicate");
        }

        /** Hands the handler the events it accepts; whether there were any. */
        boolean deliver(List<DomainEvent> unit) {
            List<DomainEvent> accepted = unit.stream().filter(predicate).toList();
            if (accepted.isEmpty()) {
                return false;
            }
            handler.handle(accepted);
            return true;
        }
    }
}
