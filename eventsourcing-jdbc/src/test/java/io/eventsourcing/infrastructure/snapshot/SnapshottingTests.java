package io.eventsourcing.infrastructure.snapshot;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.application.PersistencePolicy;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.example.Example;
import io.eventsourcing.example.ExampleAggregateRoot;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.EventPlayer;
import io.eventsourcing.infrastructure.EventSequencing;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.codec.AESCipher;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import io.eventsourcing.testing.JdbcStores;
import io.eventsourcing.testing.TestDatabase;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Snapshots on every database: on demand, automatic, encrypted, and passed over when unreadable. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class SnapshottingTests {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());

    @Parameter
    TestDatabase database;

    private EventStore eventStore;
    private JdbcActiveRecordStrategy snapshotItems;
    private PersistencePolicy policy;
    private final AtomicInteger applied = new AtomicInteger();
    private final Mutator<Example> countingMutator = (entity, event) -> {
        applied.incrementAndGet();
        return Example.mutate(entity, event);
    };

    @BeforeEach
    void setUp() {
        eventStore = new EventStore(JdbcStores.newStore(database, SequencedItemTable.SEQUENCED_ITEMS),
                SequencedItemMapper.builder().sequencing(EventSequencing.ORIGINATOR).build());
        snapshotItems = JdbcStores.newStore(database, SequencedItemTable.SNAPSHOTS);
        policy = new PersistencePolicy(eventStore).subscribe();
    }

    @AfterEach
    void tearDown() {
        policy.close();
    }

    private SnapshotStrategy snapshots(boolean encrypted) {
        SequencedItemMapper.Builder mapper = SequencedItemMapper.builder().sequencing(EventSequencing.TIMESTAMPED);
        if (encrypted) {
            mapper.cipher(AESCipher.fromBase64(KEY));
        }
        return new EventSourcedSnapshotStrategy(new EventStore(snapshotItems.inNestedTransactions(), mapper.build()),
                JsonMapper.builder().build());
    }

    private EventSourcedRepository<Example> repository(SnapshotStrategy strategy, SnapshotPolicy snapshotPolicy) {
        return new EventSourcedRepository<>(new EventPlayer<>(eventStore, countingMutator, strategy, Example.class,
                snapshotPolicy));
    }

    private Example exampleWithVersions(int versions) {
        Example example = Example.createNewExample("v1");
        for (int version = 2; version <= versions; version++) {
            example.setFoo("v" + version);
        }
        return example;
    }

    @Test
    void snapshotOnDemandLeavesOnlyLaterEventsToReplay() {
        EventSourcedRepository<Example> examples = repository(snapshots(false), SnapshotPolicy.never());
        Example example = exampleWithVersions(5);
        Snapshot snapshot = examples.takeSnapshot(example.getId());
        example.setFoo("v6");
        example.setFoo("v7");
        applied.set(0);

        Example loaded = examples.get(example.getId());

        assertThat(snapshot.version()).isEqualTo(5);
        assertThat(loaded.getFoo()).isEqualTo("v7");
        assertThat(loaded.getVersion()).isEqualTo(7);
        assertThat(loaded.getCreatedOn()).isEqualTo(example.getCreatedOn());
        assertThat(applied.get()).isEqualTo(2);
    }

    @Test
    void olderVersionsUseTheNewestSnapshotAtOrBelowThemOrReplayFromTheStart() {
        EventSourcedRepository<Example> examples = repository(snapshots(false), SnapshotPolicy.never());
        Example example = exampleWithVersions(3);
        examples.takeSnapshot(example.getId());
        example.setFoo("v4");
        example.setFoo("v5");
        example.setFoo("v6");
        examples.takeSnapshot(example.getId());
        EventPlayer<Example> player = examples.getEventPlayer();

        applied.set(0);
        assertThat(player.replay(example.getId(), 5)).get().extracting(Example::getFoo).isEqualTo("v5");
        assertThat(applied.get()).isEqualTo(2);

        applied.set(0);
        assertThat(player.replay(example.getId(), 2)).get().extracting(Example::getFoo).isEqualTo("v2");
        assertThat(applied.get()).isEqualTo(2);
    }

    @Test
    void automaticSnapshotIsTakenAfterNEventsAndUsedNextTime() {
        EventSourcedRepository<Example> examples = repository(snapshots(false), SnapshotPolicy.everyNEvents(3));
        Example example = exampleWithVersions(4);

        assertThat(examples.get(example.getId()).getFoo()).isEqualTo("v4");
        assertThat(snapshotItems.getItems(example.getId())).hasSize(1);

        applied.set(0);
        assertThat(examples.get(example.getId()).getFoo()).isEqualTo("v4");
        assertThat(applied.get()).isZero();
        assertThat(snapshotItems.getItems(example.getId())).hasSize(1);
    }

    @Test
    void failingToWriteASnapshotNeverFailsTheLoad() {
        ActiveRecordStrategy missingTable = new JdbcActiveRecordStrategy(JdbcStores.dataSource(database),
                new SequencedItemTable("no_such_table", "sequence_id", "position", "topic", "data"));
        SnapshotStrategy broken = new EventSourcedSnapshotStrategy(new EventStore(missingTable,
                SequencedItemMapper.builder().sequencing(EventSequencing.TIMESTAMPED).build()),
                JsonMapper.builder().build());
        Example example = exampleWithVersions(3);
        SnapshotStrategy writeOnlyBroken = new SnapshotStrategy() {
            @Override
            public Snapshot takeSnapshot(UUID entityId, Object state, long version) {
                return broken.takeSnapshot(entityId, state, version);
            }

            @Override
            public <T> Optional<VersionedState<T>> restore(UUID entityId, long maxVersion, Class<T> type) {
                return Optional.empty();
            }

            @Override
            public int deleteSnapshots(UUID entityId) {
                return broken.deleteSnapshots(entityId);
            }
        };

        assertThat(repository(writeOnlyBroken, SnapshotPolicy.everyNEvents(1)).get(example.getId()).getFoo())
                .isEqualTo("v3");
    }

    @Test
    void snapshotOfAClassThatChangedShapeIsPassedOver() {
        EventSourcedRepository<Example> examples = repository(snapshots(false), SnapshotPolicy.never());
        Example example = exampleWithVersions(3);
        new EventStore(snapshotItems, SequencedItemMapper.builder().sequencing(EventSequencing.TIMESTAMPED).build())
                .append(new Snapshot(example.getId(), Timestamps.now(), Example.class.getName(), 1, 3, "older-shape",
                        JsonMapper.shared().writeValueIntoBuffer(Map.of("foo", "wrong"))));
        applied.set(0);

        Example loaded = examples.get(example.getId());

        assertThat(loaded.getFoo()).isEqualTo("v3");
        assertThat(applied.get()).isEqualTo(3);
    }

    @Test
    void unreadableSnapshotIsPassedOver() {
        EventSourcedRepository<Example> examples = repository(snapshots(false), SnapshotPolicy.never());
        Example example = exampleWithVersions(2);
        snapshotItems.append(new SequencedItem(example.getId(), Timestamps.toMicros(Timestamps.now()),
                Snapshot.class.getName(), "{\"corrupt".getBytes(UTF_8)));

        assertThat(examples.get(example.getId()).getFoo()).isEqualTo("v2");
    }

    @Test
    void snapshotsAreEncryptedLikeEvents() {
        EventSourcedRepository<Example> examples = repository(snapshots(true), SnapshotPolicy.never());
        Example example = Example.createNewExample("secret info");
        examples.takeSnapshot(example.getId());
        applied.set(0);

        assertThat(snapshotItems.getItems(example.getId())).singleElement()
                .extracting(SequencedItem::data).asString().doesNotContain("secret");
        assertThat(examples.get(example.getId()).getFoo()).isEqualTo("secret info");
        assertThat(applied.get()).isZero();
    }

    @Test
    void restoredAggregateKeepsWorking() {
        EventSourcedRepository<ExampleAggregateRoot> aggregates = aggregates(SnapshotPolicy.never());
        ExampleAggregateRoot aggregate = ExampleAggregateRoot.create();
        aggregate.createNewEntity();
        aggregate.createNewEntity();
        aggregate.save();
        aggregates.takeSnapshot(aggregate.getId());

        ExampleAggregateRoot restored = aggregates.get(aggregate.getId());
        assertThat(restored.countEntities()).isEqualTo(2);
        assertThat(restored.getPendingEvents()).isEmpty();
        restored.createNewEntity();
        restored.save();

        assertThat(aggregates.get(aggregate.getId()).countEntities()).isEqualTo(3);
        assertThat(aggregates.get(aggregate.getId()).getVersion()).isEqualTo(4);
    }

    private EventSourcedRepository<ExampleAggregateRoot> aggregates(SnapshotPolicy snapshotPolicy) {
        return new EventSourcedRepository<>(new EventPlayer<>(eventStore,
                Mutator.ofEntityClass(ExampleAggregateRoot.class), snapshots(false), ExampleAggregateRoot.class,
                snapshotPolicy));
    }

    @Test
    void savingAnAggregatePastAMultipleOfNTakesASnapshotThatCommitsWithIt() {
        EventSourcedRepository<ExampleAggregateRoot> aggregates = aggregates(SnapshotPolicy.everyNEvents(3));
        ExampleAggregateRoot aggregate = ExampleAggregateRoot.create();
        aggregate.createNewEntity();
        aggregates.save(aggregate);
        assertThat(snapshotItems.getItems(aggregate.getId())).isEmpty();

        aggregate.createNewEntity();
        aggregate.createNewEntity();
        TransactionTemplate transaction = new TransactionTemplate(
                new JdbcTransactionManager(JdbcStores.dataSource(database)));
        transaction.executeWithoutResult(status -> aggregates.save(aggregate));

        assertThat(snapshotItems.getItems(aggregate.getId())).singleElement()
                .satisfies(item -> assertThat(item.data()).asString(UTF_8).contains("\"version\":4"));
        assertThat(aggregates.get(aggregate.getId()).countEntities()).isEqualTo(3);
    }

    @Test
    void rolledBackSaveTakesNoSnapshot() {
        EventSourcedRepository<ExampleAggregateRoot> aggregates = aggregates(SnapshotPolicy.everyNEvents(1));
        ExampleAggregateRoot aggregate = ExampleAggregateRoot.create();
        TransactionTemplate transaction = new TransactionTemplate(
                new JdbcTransactionManager(JdbcStores.dataSource(database)));

        transaction.executeWithoutResult(status -> {
            aggregates.save(aggregate);
            status.setRollbackOnly();
        });

        assertThat(eventStore.getDomainEvents(aggregate.getId())).isEmpty();
        assertThat(snapshotItems.getItems(aggregate.getId())).isEmpty();
    }

    @Test
    void upToDateSnapshotLeavesNothingToReplay() {
        EventSourcedRepository<Example> examples = repository(snapshots(false), SnapshotPolicy.never());
        Example example = exampleWithVersions(50);
        examples.takeSnapshot(example.getId());

        applied.set(0);
        assertThat(examples.get(example.getId()).getVersion()).isEqualTo(50);
        assertThat(applied.get()).isZero();
    }
}
