package io.eventsourcing.infrastructure.cassandra;

import static io.eventsourcing.testing.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.PositionRange;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.testing.AbstractActiveRecordStrategyTests;
import io.eventsourcing.testing.RacingWriter;
import io.eventsourcing.testing.cassandra.SharedCassandra;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What the contract leaves to each store: Cassandra's buckets, limits and consistency levels. */
class CassandraActiveRecordStrategyTest {

    private final CassandraActiveRecordStrategy store = SingleNodeStores.emptyStore("behaviour_items");

    private static List<SequencedItem> items(UUID id, long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(position -> item(id, position)).toList();
    }

    private List<Long> positions(UUID id, PositionRange range) {
        return store.getItems(id, range).stream().map(SequencedItem::position).toList();
    }

    @Test
    void anAppendOfMoreThanTheMostItemsIsRejectedNamingTheLimitAndStoresNothing() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> store.append(items(id, 0, 100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 100 items, this one 101")
                .hasMessageContaining(id.toString());
        assertThat(store.getItems(id)).isEmpty();

        store.append(items(id, 0, 99));
        assertThat(store.getItems(id)).hasSize(100);
    }

    @Test
    void aSequenceIsReadInOrderAcrossBucketsOfVersions() {
        UUID id = UUID.randomUUID();
        store.append(items(id, 9_990, 9_997));
        store.append(items(id, 9_998, 10_003));
        store.append(items(id, 20_000, 20_001));

        assertThat(positions(id, PositionRange.all())).containsExactlyElementsOf(
                LongStream.concat(LongStream.rangeClosed(9_990, 10_003), LongStream.of(20_000, 20_001)).boxed().toList());
        assertThat(positions(id, PositionRange.all().gt(9_998).limit(3))).containsExactly(9_999L, 10_000L, 10_001L);
        assertThat(positions(id, PositionRange.all().lt(10_002).inDescendingOrder().limit(4)))
                .containsExactly(10_001L, 10_000L, 9_999L, 9_998L);
        assertThat(positions(id, PositionRange.all().inDescendingOrder().limit(3)))
                .containsExactly(20_001L, 20_000L, 10_003L);
        assertThat(positions(id, PositionRange.all().gte(10_003).lte(20_000))).containsExactly(10_003L, 20_000L);
        assertThat(store.getItem(id, 10_000)).contains(item(id, 10_000));
    }

    @Test
    void aConflictBeyondABucketBoundaryStoresNothingOfTheAppend() {
        UUID id = UUID.randomUUID();
        store.append(items(id, 9_990, 9_997));
        store.append(item(id, 10_000));

        assertThatThrownBy(() -> store.append(items(id, 9_998, 10_001)))
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining("position 10000 is already taken");

        assertThat(positions(id, PositionRange.all().gte(9_997))).containsExactly(9_997L, 10_000L);
        assertThat(store.getStoredItems(0, 100)).hasSize(9);
    }

    @Test
    void aTimeSequenceIsReadInOrderAcrossDays() {
        UUID id = UUID.randomUUID();
        long lastOfMonday = micros("2026-11-23T23:59:59.999999Z");
        long firstOfTuesday = micros("2026-11-24T00:00:00Z");
        long tuesdayNoon = micros("2026-11-24T12:00:00Z");
        long friday = micros("2026-11-27T08:30:00.000001Z");
        store.append(List.of(item(id, lastOfMonday), item(id, firstOfTuesday)));
        store.append(item(id, tuesdayNoon));
        store.append(item(id, friday));

        assertThat(positions(id, PositionRange.all())).containsExactly(lastOfMonday, firstOfTuesday, tuesdayNoon, friday);
        assertThat(positions(id, PositionRange.all().inDescendingOrder().limit(3)))
                .containsExactly(friday, tuesdayNoon, firstOfTuesday);
        assertThat(positions(id, PositionRange.all().gt(lastOfMonday).lt(friday))).containsExactly(firstOfTuesday,
                tuesdayNoon);
        assertThat(positions(id, PositionRange.all().lte(tuesdayNoon).inDescendingOrder().limit(1)))
                .containsExactly(tuesdayNoon);
    }

    @Test
    void deletingASequenceEmptiesEachOfItsBucketsAndTheLogSkipsItsItems() {
        UUID deleted = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        store.append(items(deleted, 9_950, 10_049));
        store.append(items(deleted, 20_000, 20_099));
        store.append(items(deleted, 20_100, 20_149));
        store.append(item(kept, 0));

        assertThat(store.deleteItems(deleted)).isEqualTo(250);

        assertThat(store.getItems(deleted)).isEmpty();
        assertThat(store.getItem(deleted, 10_000)).isEmpty();
        assertThat(store.getItems(kept)).containsExactly(item(kept, 0));
        assertThat(store.getStoredItems(0, 1000)).extracting(stored -> stored.item().sequenceId())
                .containsExactly(kept);
        assertThat(store.deleteItems(deleted)).isZero();
    }

    @Test
    void aPositionTwiceInOneAppendIsAConflict() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> store.append(List.of(item(id, 0), item(id, 0))))
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining("twice");
        assertThat(store.getItems(id)).isEmpty();
    }

    /** Two application instances, each with its own session and connections, race on the same sequences. */
    @Test
    void writersOfTwoSessionsNeverBranchASequence() throws Exception {
        List<UUID> sequences = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (CqlSession otherSession = TestSessions.connect(List.of(SharedCassandra.node().contactPoint()))) {
            CassandraActiveRecordStrategy other = new CassandraActiveRecordStrategy(otherSession, store.getTables());
            List<Future<RacingWriter>> races = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                RacingWriter racingWriter = new RacingWriter(writer % 2 == 0 ? store : other, sequences,
                        "writer-" + writer);
                races.add(threads.submit(() -> racingWriter.race(50)));
            }
            List<SequencedItem> accepted = new ArrayList<>();
            int conflicts = 0;
            for (Future<RacingWriter> race : races) {
                accepted.addAll(race.get().accepted());
                conflicts += race.get().conflicts();
            }
            assertThat(accepted.size() + conflicts).isEqualTo(8 * 50);
            assertThat(conflicts).isPositive();
            AbstractActiveRecordStrategyTests.assertRaceHistory(store, sequences, accepted);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void consistencyLevelsMustFitTheirUse() {
        assertThatThrownBy(() -> new CassandraConsistency(DefaultConsistencyLevel.SERIAL,
                DefaultConsistencyLevel.SERIAL)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("consistency must not be a serial level");
        assertThatThrownBy(() -> new CassandraConsistency(DefaultConsistencyLevel.QUORUM,
                DefaultConsistencyLevel.QUORUM)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SERIAL or LOCAL_SERIAL");
    }

    private static long micros(String instant) {
        return Timestamps.toMicros(Instant.parse(instant));
    }
}
