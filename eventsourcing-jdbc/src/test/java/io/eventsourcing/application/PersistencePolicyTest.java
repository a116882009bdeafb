package io.eventsourcing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.UndeliveredEventsException;
import io.eventsourcing.infrastructure.ClassTopicResolver;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import io.eventsourcing.testing.JdbcStores;
import io.eventsourcing.testing.TestDatabase;
import io.eventsourcing.testing.TestEvents.Renamed;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersistencePolicyTest {

    private final EventStore eventStore = new EventStore(
            JdbcStores.newStore(TestDatabase.H2, SequencedItemTable.SEQUENCED_ITEMS),
            SequencedItemMapper.builder().topicResolver(new ClassTopicResolver(List.of(Renamed.class))).build());
    private final EventBus bus = new EventBus();

    @Test
    void storesPublishedEventsWhileSubscribed() {
        UUID id = UUID.randomUUID();
        PersistencePolicy policy = new PersistencePolicy(eventStore, bus).subscribe();
        try {
            bus.publish(List.of(new Renamed(id, 0, Instant.now(), "a"),
                    new Renamed(id, 1, Instant.now(), "b")));
        } finally {
            policy.close();
        }
        assertThatThrownBy(() -> bus.publish(new Renamed(id, 2, Instant.now(), "c")))
                .isInstanceOf(UndeliveredEventsException.class);

        assertThat(eventStore.getDomainEvents(id)).hasSize(2);
        assertThat(policy.isSubscribed()).isFalse();
    }

    @Test
    void storesNothingUntilSubscribed() {
        UUID id = UUID.randomUUID();
        PersistencePolicy policy = new PersistencePolicy(eventStore, bus);

        assertThatThrownBy(() -> bus.publish(new Renamed(id, 0, Instant.now(), "a")))
                .isInstanceOf(UndeliveredEventsException.class);

        assertThat(policy.isSubscribed()).isFalse();
        assertThat(eventStore.getDomainEvents(id)).isEmpty();
    }

    @Test
    void resubscribingIsIdempotent() {
        UUID id = UUID.randomUUID();
        try (PersistencePolicy policy = new PersistencePolicy(eventStore, bus)) {
            policy.subscribe();
            policy.close();
            policy.subscribe();
            policy.subscribe();

            bus.publish(new Renamed(id, 0, Instant.now(), "a"));
        }

        assertThat(eventStore.getDomainEvents(id)).hasSize(1);
    }
}
