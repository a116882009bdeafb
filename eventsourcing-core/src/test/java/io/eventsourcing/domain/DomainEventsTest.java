package io.eventsourcing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DomainEventsTest {

    record Happened(Instant timestamp, String what) implements DomainEvent {
    }

    private final List<EventHandler> subscribed = new ArrayList<>();

    @AfterEach
    void unsubscribeAll() {
        subscribed.forEach(DomainEvents::unsubscribe);
    }

    private void subscribe(EventHandler handler) {
        subscribed.add(handler);
        DomainEvents.subscribe(handler);
    }

    private static Happened event(String what) {
        return new Happened(Instant.now(), what);
    }

    @Test
    void handlersRunInSubscriptionOrderBeforePublishReturns() {
        List<String> calls = new ArrayList<>();
        subscribe(events -> calls.add("first " + events.size()));
        subscribe(events -> calls.add("second " + events.size()));

        DomainEvents.publish(event("a"));

        assertThat(calls).containsExactly("first 1", "second 1");
    }

    @Test
    void publishedListReachesHandlerAsOneUnit() {
        List<List<DomainEvent>> units = new ArrayList<>();
        subscribe(units::add);
        Happened a = event("a");
        Happened b = event("b");

        DomainEvents.publish(List.of(a, b));

        assertThat(units).containsExactly(List.of(a, b));
    }

    @Test
    void predicateSelectsEventsAndUnmatchedUnitsAreNotDelivered() {
        List<List<DomainEvent>> units = new ArrayList<>();
        EventHandler handler = units::add;
        subscribed.add(handler);
        DomainEvents.subscribe(handler, event -> ((Happened) event).what().startsWith("keep"));
        Happened keep = event("keep");

        DomainEvents.publish(List.of(event("drop"), keep));
        DomainEvents.publish(event("drop"));

        assertThat(units).containsExactly(List.of(keep));
    }

    @Test
    void handlerExceptionReachesPublisherAndStopsLaterHandlers() {
        List<String> calls = new ArrayList<>();
        subscribe(events -> {
            throw new IllegalStateException("handler failed");
        });
        subscribe(events -> calls.add("later"));

        assertThatThrownBy(() -> DomainEvents.publish(event("a"))).hasMessage("handler failed");
        assertThat(calls).isEmpty();
    }

    @Test
    void unsubscribedHandlerReceivesNothing() {
        List<DomainEvent> received = new ArrayList<>();
        EventHandler handler = received::addAll;
        DomainEvents.subscribe(handler);
        assertThat(DomainEvents.isSubscribed(handler)).isTrue();

        DomainEvents.unsubscribe(handler);
        DomainEvents.publish(event("a"));

        assertThat(received).isEmpty();
        assertThat(DomainEvents.isSubscribed(handler)).isFalse();
    }
}
