package io.eventsourcing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AggregateRootTest {

    record Started(UUID originatorId, long originatorVersion, Instant timestamp) implements VersionedEvent {
    }

    static class Basket extends AggregateRoot {

        private String label;

        Basket(Started event) {
            super(event);
        }

        static Basket start() {
            return create(Started::new, Basket::new);
        }
    }

    @Test
    void eventsStayPendingUntilSavedThenArePublishedAsOneUnit() {
        List<List<DomainEvent>> units = new ArrayList<>();
        EventHandler handler = units::add;
        Basket basket = Basket.start();
        basket.changeAttribute("label", "groceries");

        assertThat(basket.label).isEqualTo("groceries");
        assertThat(basket.getPendingEvents()).hasSize(2);
        assertThat(basket.getPendingEvents().get(1)).isInstanceOf(TimestampedVersionedEntity.AttributeChanged.class);

        DomainEvents.subscribe(handler);
        try {
            basket.save();
        } finally {
            DomainEvents.unsubscribe(handler);
        }

        assertThat(units).hasSize(1);
        assertThat(units.get(0)).extracting(event -> ((VersionedEvent) event).originatorVersion())
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
    void savingWithNothingSubscribedFailsAndKeepsEventsPending() {
        Basket basket = Basket.start();
        basket.changeAttribute("label", "groceries");

        assertThatThrownBy(basket::save)
                .isInstanceOf(UndeliveredEventsException.class)
                .hasMessageContaining("Started of " + basket.getId() + " at version 0")
                .hasMessageContaining("AttributeChanged of " + basket.getId() + " at version 1")
                .hasMessageContaining("EventSourcedRepository");
        assertThat(basket.getPendingEvents()).hasSize(2);
    }

    @Test
    void discardedAggregateCannotBeChanged() {
        Basket basket = Basket.start();
        basket.discard();

        assertThat(basket.getPendingEvents().get(1)).isInstanceOf(TimestampedVersionedEntity.Discarded.class);
        assertThatThrownBy(() -> basket.changeAttribute("label", "x")).isInstanceOf(EntityIsDiscardedException.class);
    }
}
