package io.eventsourcing.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.domain.DomainEvents;
import io.eventsourcing.infrastructure.EventSequencing;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import io.eventsourcing.testing.JdbcStores;
import io.eventsourcing.testing.TestDatabase;
import io.eventsourcing.testing.TestEvents.ItemAdded;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersistencePolicyTest {

    private final EventStore eventStore = new EventStore(
            JdbcStores.newStore(TestDatabase.H2, SequencedItemTable.SEQUENCED_ITEMS),
            SequencedItemMapper.builder().sequencing(EventSequencing.AGGREGATE).build());

    @Test
    void storesPublishedEventsWhileSubscribed() {
        UUID id = UUID.randomUUID();
        PersistencePolicy policy = new PersistencePolicy(eventStore).subscribe();
        try {
            DomainEvents.publish(List.of(new ItemAdded(id, 0, Instant.now(), "a"),
                    new ItemAdded(id, 1, Instant.now(), "b")));
        } finally {
            policy.close();
        }
        DomainEvents.publish(new ItemAdded(id, 2, Instant.now(), "c"));

        assertThat(eventStore.getDomainEvents(id)).hasSize(2);
        assertThat(policy.isSubscribed()).isFalse();
    }

    @Test
    void storesNothingUntilSubscribed() {
        UUID id = UUID.randomUUID();
        PersistencePolicy policy = new PersistencePolicy(eventStore);

        DomainEvents.publish(new ItemAdded(id, 0, Instant.now(), "a"));

        assertThat(policy.isSubscribed()).isFalse();
        assertThat(eventStore.getDomainEvents(id)).isEmpty();
    }

    @Test
    void resubscribingIsIdempotent() {
        UUID id = UUID.randomUUID();
        try (PersistencePolicy policy = new PersistencePolicy(eventStore)) {
            policy.subscribe();
            policy.close();
            policy.subscribe();
            policy.subscribe();

            DomainEvents.publish(new ItemAdded(id, 0, Instant.now(), "a"));
        }

        assertThat(eventStore.getDomainEvents(id)).hasSize(1);
    }
}
