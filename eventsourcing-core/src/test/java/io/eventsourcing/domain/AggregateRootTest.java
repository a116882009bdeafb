package io.eventsourcing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggregateRootTest {

    record Started(UUID aggregateId, long aggregateVersion, Instant timestamp) implements AggregateEvent {
    }

    static class Basket extends AggregateRoot {

        private String label;

        Basket(Started event) {
            super(event);
        }

        static Basket start() {
            return create(new Started(UUID.randomUUID(), 0, Timestamps.now()), Basket::new);
        }
    }

    private final List<List<DomainEvent>> units = new ArrayList<>();
    private final EventHandler handler = units::add;

    @BeforeEach
    void subscribe() {
        DomainEvents.subscribe(handler);
    }

    @AfterEach
    void unsubscribe() {
        DomainEvents.unsubscribe(handler);
    }

    @Test
    void eventsStayPendingUntilSavedThenArePublishedAsOneUnit() {
        Basket basket = Basket.start();
        basket.changeAttribute("label", "groceries");

        assertThat(units).isEmpty();
        assertThat(basket.label).isEqualTo("groceries");
        assertThat(basket.getPendingEvents()).hasSize(2);
        assertThat(basket.getPendingEvents().get(1)).isInstanceOf(AggregateRoot.AttributeChanged.class);

        basket.save();

        assertThat(units).hasSize(1);
        assertThat(units.get(0)).extracting(event -> ((AggregateEvent) event).aggregateVersion())
                .containsExactly(0L, 1L);
        assertThat(basket.getPendingEvents()).isEmpty();
    }

    @Test
    void failedSaveKeepsEventsPending() {
        Basket basket = Basket.start();
        EventHandler failing = events -> {
            throw new IllegalStateException("store down");
        };
        DomainEvents.subscribe(failing);
        try {
            assertThatThrownBy(basket::save).hasMessage("store down");
        } finally {
            DomainEvents.unsubscribe(failing);
        }

        assertThat(basket.getPendingEvents()).hasSize(1);
    }

    @Test
    void discardedAggregateEmitsAggregateEvent() {
        Basket basket = Basket.start();
        basket.discard();

        assertThat(basket.getPendingEvents().get(1)).isInstanceOf(AggregateRoot.Discarded.class);
        assertThatThrownBy(() -> basket.changeAttribute("label", "x")).isInstanceOf(EntityIsDiscardedException.class);
    }
}
