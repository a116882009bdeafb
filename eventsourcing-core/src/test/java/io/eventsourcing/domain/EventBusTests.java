package io.eventsourcing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventBusTests {

    record Happened(Instant timestamp, String what) implements DomainEvent {
    }

    private final EventBus bus = new EventBus();

    private static Happened event(String what) {
        return new Happened(Instant.now(), what);
    }

    @Test
    void handlersRunInSubscriptionOrderBeforePublishReturns() {
        List<String> calls = new ArrayList<>();
        bus.subscribe(events -> calls.add("first " + events.size()));
        bus.subscribe(events -> calls.add("second " + events.size()));

        bus.publish(event("a"));

        assertThat(calls).containsExactly("first 1", "second 1");
    }

    @Test
    void publishedListReachesHandlerAsOneUnit() {
        List<List<DomainEvent>> units = new ArrayList<>();
        bus.subscribe(units::add);
        Happened a = event("a");
        Happened b = event("b");

        bus.publish(List.of(a, b));

        assertThat(units).containsExactly(List.of(a, b));
    }

    @Test
    void predicateSelectsEventsAndUnmatchedUnitsAreNotDelivered() {
        List<List<DomainEvent>> units = new ArrayList<>();
        bus.subscribe(units::add, event -> ((Happened) event).what().startsWith("keep"));
        bus.subscribe(events -> { }, event -> true);
        Happened keep = event("keep");

        bus.publish(List.of(event("drop"), keep));
        bus.publish(event("drop"));

        assertThat(units).containsExactly(List.of(keep));
    }

    @Test
    void handlerExceptionReachesPublisherAndStopsLaterHandlers() {
        List<String> calls = new ArrayList<>();
        bus.subscribe(events -> {
            throw new IllegalStateException("handler failed");
        });
        bus.subscribe(events -> calls.add("later"));

        assertThatThrownBy(() -> bus.publish(event("a"))).hasMessage("handler failed");
        assertThat(calls).isEmpty();
    }

    @Test
    void eventsThatNoHandlerReceivesAreRefusedNotDropped() {
        List<DomainEvent> received = new ArrayList<>();
        bus.subscribe(received::addAll, event -> false);

        assertThatThrownBy(() -> bus.publish(List.of(event("a"), event("b"))))
                .isInstanceOf(UndeliveredEventsException.class)
                .hasMessageContaining("No subscriber received the events Happened, Happened");
        assertThat(received).isEmpty();
    }

    @Test
    void unsubscribedHandlerReceivesNothing() {
        List<DomainEvent> received = new ArrayList<>();
        EventHandler handler = received::addAll;
        bus.subscribe(handler);
        assertThat(bus.isSubscribed(handler)).isTrue();

        bus.unsubscribe(handler);

        assertThat(bus.isSubscribed(handler)).isFalse();
        assertThatThrownBy(() -> bus.publish(event("a"))).isInstanceOf(UndeliveredEventsException.class);
        assertThat(received).isEmpty();
    }

    @Test
    void busesShareNothing() {
        EventBus other = new EventBus();
        List<DomainEvent> received = new ArrayList<>();
        other.subscribe(received::addAll);

        assertThatThrownBy(() -> bus.publish(event("a"))).isInstanceOf(UndeliveredEventsException.class);
        assertThat(received).isEmpty();
    }

    @Test
    void domainEventsIsTheProcessBus() {
        List<DomainEvent> received = new ArrayList<>();
        EventHandler handler = received::addAll;
        DomainEvents.subscribe(handler);
        try {
            Happened event = event("a");
            DomainEvents.processBus().publish(event);

            assertThat(received).containsExactly(event);
            assertThat(DomainEvents.isSubscribed(handler)).isTrue();
        } finally {
            DomainEvents.unsubscribe(handler);
        }
        assertThat(DomainEvents.processBus().isSubscribed(handler)).isFalse();
    }
}
