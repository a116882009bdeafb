package io.eventsourcing.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.application.PersistencePolicy;
import io.eventsourcing.domain.AggregateRoot;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.example.Example;
import io.eventsourcing.example.ExampleAggregateRoot;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import io.eventsourcing.testing.JdbcStores;
import io.eventsourcing.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventSourcedRepositoryTests {

    private final EventStore eventStore = new EventStore(
            JdbcStores.newStore(TestDatabase.H2, SequencedItemTable.SEQUENCED_ITEMS),
            SequencedItemMapper.builder().sequencing(EventSequencing.ORIGINATOR).build());
    private final PersistencePolicy policy = new PersistencePolicy(eventStore).subscribe();
    private final EventSourcedRepository<Example> examples = new EventSourcedRepository<>(eventStore,
            Mutator.ofStaticMethod(Example.class, "mutate"));
    private final EventSourcedRepository<ExampleAggregateRoot> aggregates = new EventSourcedRepository<>(eventStore,
            Mutator.ofEntityClass(ExampleAggregateRoot.class));

    @AfterEach
    void closePolicy() {
        policy.close();
    }

    @Test
    void missingEntityIsAbsentEverywhere() {
        UUID id = UUID.randomUUID();

        assertThat(examples.contains(id)).isFalse();
        assertThat(examples.findById(id)).isEmpty();
        assertThatThrownBy(() -> examples.get(id))
                .isInstanceOf(EntityNotFoundException.class)
                .hasMessageContaining(id.toString())
                .satisfies(e -> assertThat(((EntityNotFoundException) e).getEntityId()).isEqualTo(id));
    }

    /** An aggregate that another event creates. */
    static class Tally extends AggregateRoot {

        record Started(UUID originatorId, long originatorVersion, Instant timestamp) implements VersionedEvent {
        }

        Tally(Started started) {
            super(started);
        }
    }

    @Test
    void theIdOfAnotherTypesEntityIsNotFound() {
        ExampleAggregateRoot aggregate = ExampleAggregateRoot.create();
        aggregates.save(aggregate);
        EventSourcedRepository<Tally> tallies = new EventSourcedRepository<>(eventStore,
                Mutator.ofEntityClass(Tally.class));

        assertThat(tallies.findById(aggregate.getId())).isEmpty();
        assertThat(tallies.contains(aggregate.getId())).isFalse();
        assertThatThrownBy(() -> tallies.get(aggregate.getId())).isInstanceOf(EntityNotFoundException.class);
        assertThat(aggregates.contains(aggregate.getId())).isTrue();
    }

    @Test
    void aGapInASequenceIsReportedNamingTheMissingPosition() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        eventStore.append(List.of(new ExampleAggregateRoot.AggregateCreated(id, 0, now),
                new ExampleAggregateRoot.EntityCreated(id, 2, now, UUID.randomUUID())));

        assertThatThrownBy(() -> aggregates.get(id))
                .isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining("Sequence " + id + " has no event at position 1")
                .hasMessageContaining("the next one stored is at position 2");
    }

    @Test
    void entityIsRebuiltFromItsEvents() {
        Example example = Example.createNewExample("bar1");
        example.setFoo("bar2");

        Example loaded = examples.get(example.getId());

        assertThat(loaded.getFoo()).isEqualTo("bar2");
        assertThat(loaded.getVersion()).isEqualTo(2);
        assertThat(examples.findById(example.getId())).get().extracting(Example::getFoo).isEqualTo("bar2");
    }

    @Test
    void playerReplaysUpToAVersion() {
        Example example = Example.createNewExample("v1");
        example.setFoo("v2");
        example.setFoo("v3");

        EventPlayer<Example> player = examples.getEventPlayer();

        assertThat(player.replay(example.getId(), 2)).get().extracting(Example::getFoo).isEqualTo("v2");
        assertThat(player.replay(example.getId(), 1)).get().extracting(Example::getFoo).isEqualTo("v1");
        assertThat(player.replay(example.getId(), 0)).isEmpty();
        assertThatThrownBy(() -> player.replay(example.getId(), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
    }

    @Test
    void discardedAggregateIsAbsent() {
        ExampleAggregateRoot aggregate = ExampleAggregateRoot.create();
        aggregate.createNewEntity();
        aggregates.save(aggregate);
        assertThat(aggregates.get(aggregate.getId()).countEntities()).isEqualTo(1);

        aggregate.discard();
        aggregates.save(aggregate);

        assertThat(aggregates.contains(aggregate.getId())).isFalse();
        assertThat(eventStore.getDomainEvents(aggregate.getId())).hasSize(3);
    }

    @Test
    void staleAggregateSaveFailsAndStoresNothing() {
        ExampleAggregateRoot aggregate = ExampleAggregateRoot.create();
        aggregates.save(aggregate);
        ExampleAggregateRoot first = aggregates.get(aggregate.getId());
        ExampleAggregateRoot second = aggregates.get(aggregate.getId());
        first.createNewEntity();
        aggregates.save(first);

        second.createNewEntity();
        second.createNewEntity();

        assertThatThrownBy(() -> aggregates.save(second)).isInstanceOf(ConcurrencyException.class);
        assertThat(aggregates.get(aggregate.getId()).countEntities()).isEqualTo(1);
        assertThat(eventStore.getDomainEvents(aggregate.getId())).hasSize(2);
    }

    @Test
    void staticMutatorMustExist() {
        assertThatThrownBy(() -> Mutator.ofStaticMethod(Example.class, "apply"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apply");
    }
}
