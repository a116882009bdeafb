package io.eventsourcing.testing;

import static io.eventsourcing.testing.TestItems.item;
import static io.eventsourcing.testing.TestItems.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.PositionRange;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.StoredItem;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ActiveRecordStrategy}: every store passes it unchanged. A subclass gives a new,
 * empty store for each test.
 */
public abstract class AbstractActiveRecordStrategyTests {

    private ActiveRecordStrategy store;

    /** A new, empty store. */
    protected abstract ActiveRecordStrategy createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
    }

    @Test
    void appendedItemIsReadBackExactly() {
        UUID id = UUID.randomUUID();
        SequencedItem item = new SequencedItem(id, 0, "test.Created \u2615",
                utf8("{\"text\":\"caf\u00e9 \u2615 \\\"quoted\\\" \ud83d\ude00\"}"));

        store.append(item);

        assertThat(store.getItem(id, 0)).contains(item);
        assertThat(store.getItems(id)).containsExactly(item);
    }

    @Test
    void everyByteValueIsStoredExactly() {
        UUID id = UUID.randomUUID();
        byte[] everyByte = new byte[512];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) (i % 256 ^ i / 256 * 0x5a);
        }

        store.append(List.of(new SequencedItem(id, 0, "test.Binary", everyByte),
                new SequencedItem(id, 1, "test.Empty", new byte[0])));

        assertThat(store.getItem(id, 0)).get().extracting(SequencedItem::data).isEqualTo(everyByte);
        assertThat(store.getItem(id, 1)).get().extracting(SequencedItem::data).isEqualTo(new byte[0]);
    }

    @Test
    void missingItemIsEmpty() {
        UUID id = UUID.randomUUID();
        store.append(item(id, 0));

        assertThat(store.getItem(id, 1)).isEmpty();
        assertThat(store.getItem(UUID.randomUUID(), 0)).isEmpty();
        assertThat(store.getItems(UUID.randomUUID())).isEmpty();
    }

    @Test
    void largeDataRoundTrips() {
        UUID id = UUID.randomUUID();
        byte[] data = utf8("{\"text\":\"" + "x".repeat(1_000_000) + "\"}");

        store.append(new SequencedItem(id, 0, "test.Large", data));

        assertThat(store.getItem(id, 0)).get().extracting(SequencedItem::data).isEqualTo(data);
    }

    @Test
    void appendingATakenPositionRaisesConcurrencyExceptionAndKeepsTheFirstWrite() {
        UUID id = UUID.randomUUID();
        SequencedItem first = new SequencedItem(id, 0, "test.Topic", utf8("{\"writer\":1}"));
        store.append(first);

        assertThatThrownBy(() -> store.append(new SequencedItem(id, 0, "test.Topic", utf8("{\"writer\":2}"))))
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining(id.toString())
                .hasMessageContaining("position 0");
        assertThat(store.getItems(id)).containsExactly(first);
    }

    @Test
    void listIsAppendedAtomically() {
        UUID id = UUID.randomUUID();
        store.append(List.of(item(id, 0), item(id, 1), item(id, 2)));
        assertThat(store.getItems(id)).extracting(SequencedItem::position).containsExactly(0L, 1L, 2L);

        UUID other = UUID.randomUUID();
        assertThatThrownBy(() -> store.append(List.of(item(other, 0), item(id, 3), item(id, 2))))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(store.getItems(id)).extracting(SequencedItem::position).containsExactly(0L, 1L, 2L);
        assertThat(store.getItems(other)).isEmpty();
    }

    @Test
    void theLastStoredItemIsTheOneStoredLast() {
        assertThat(store.getLastStoredItem()).isEmpty();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        store.append(List.of(item(first, 0), item(first, 1)));
        store.append(item(second, 0));

        assertThat(store.getLastStoredItem()).get().extracting(StoredItem::item).isEqualTo(item(second, 0));
        assertThat(store.getLastStoredItem().orElseThrow().storagePosition())
                .isEqualTo(store.getStoredItems(0, 10).get(2).storagePosition());
    }

    @Test
    void appendingNothingStoresNothing() {
        store.append(List.of());

        assertThat(store.getStoredItems(0, 10)).isEmpty();
    }

    @Test
    void sequencesAreSeparate() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        store.append(List.of(item(first, 0), item(first, 1)));
        store.append(item(second, 0));

        assertThat(store.getItems(first)).extracting(SequencedItem::sequenceId).containsOnly(first).hasSize(2);
        assertThat(store.getItems(second)).containsExactly(item(second, 0));
    }

    @Test
    void itemsAreSelectedByBoundsLimitAndOrder() {
        UUID id = UUID.randomUUID();
        store.append(LongStream.range(0, 10).mapToObj(position -> item(id, position)).toList());

        assertThat(positions(id, PositionRange.all())).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(positions(id, PositionRange.all().gt(6))).containsExactly(7L, 8L, 9L);
        assertThat(positions(id, PositionRange.all().gte(6))).containsExactly(6L, 7L, 8L, 9L);
        assertThat(positions(id, PositionRange.all().lt(3))).containsExactly(0L, 1L, 2L);
        assertThat(positions(id, PositionRange.all().lte(3))).containsExactly(0L, 1L, 2L, 3L);
        assertThat(positions(id, PositionRange.all().gt(2).lte(5))).containsExactly(3L, 4L, 5L);
        assertThat(positions(id, PositionRange.all().gte(2).lt(5))).containsExactly(2L, 3L, 4L);
        assertThat(positions(id, PositionRange.all().limit(2))).containsExactly(0L, 1L);
        assertThat(positions(id, PositionRange.all().inDescendingOrder())).containsExactly(9L, 8L, 7L, 6L, 5L, 4L,
                3L, 2L, 1L, 0L);
        assertThat(positions(id, PositionRange.all().inDescendingOrder().limit(3))).containsExactly(9L, 8L, 7L);
        assertThat(positions(id, PositionRange.all().lt(5).inDescendingOrder().limit(2))).containsExactly(4L, 3L);
        assertThat(positions(id, PositionRange.all().gt(3).limit(2))).containsExactly(4L, 5L);
        assertThat(positions(id, PositionRange.all().gt(9))).isEmpty();
    }

    @Test
    void positionsNeedNotStartAtZeroNorBeContiguous() {
        UUID id = UUID.randomUUID();
        long micros = 1_764_000_000_000_000L;
        store.append(List.of(item(id, micros), item(id, micros + 1), item(id, micros + 1_000_000)));

        assertThat(positions(id, PositionRange.all().gt(micros))).containsExactly(micros + 1, micros + 1_000_000);
        assertThat(store.getItem(id, micros + 1_000_000)).isPresent();
    }

    @Test
    void storedItemsComeInStorageOrderAcrossSequencesInPages() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<SequencedItem> appended = List.of(item(first, 0), item(second, 0), item(first, 1), item(second, 1),
                item(second, 2));
        appended.forEach(store::append);

        List<StoredItem> all = store.getStoredItems(0, 100);
        assertThat(all).extracting(StoredItem::item).containsExactlyElementsOf(appended);
        assertThat(all).extracting(StoredItem::storagePosition).isSorted().doesNotHaveDuplicates();

        List<StoredItem> firstPage = store.getStoredItems(0, 2);
        List<StoredItem> secondPage = store.getStoredItems(firstPage.get(1).storagePosition(), 2);
        List<StoredItem> lastPage = store.getStoredItems(secondPage.get(1).storagePosition(), 2);
        assertThat(firstPage).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(secondPage).containsExactlyElementsOf(all.subList(2, 4));
        assertThat(lastPage).containsExactlyElementsOf(all.subList(4, 5));
        assertThat(store.getStoredItems(all.get(4).storagePosition(), 2)).isEmpty();
    }

    @Test
    void nullSequenceIdIsRejectedNamingIt() {
        assertThatThrownBy(() -> store.getItems(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("sequenceId");
        assertThatThrownBy(() -> store.getItem(null, 0))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("sequenceId");
    }

    @Test
    void badLimitIsRejectedNamingIt() {
        assertThatThrownBy(() -> store.getStoredItems(0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> PositionRange.all().limit(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> PositionRange.all().gt(1).gte(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gt")
                .hasMessageContaining("gte");
    }

    /**
     * 8 threads race to append to the same 10 sequences, 200 attempts each: every attempt lands or raises
     * ConcurrencyException; no position is stored twice or skipped; the stored items are the accepted ones.
     */
    @Test
    void racingWritersNeverBranchOrSkipASequence() throws Exception {
        List<UUID> sequences = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID()).toList();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<RacingWriter> writers = new ArrayList<>();
        try {
            List<Future<RacingWriter>> races = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                RacingWriter racingWriter = new RacingWriter(store, sequences, "thread-" + writer);
                races.add(threads.submit(() -> racingWriter.race(200)));
            }
            for (Future<RacingWriter> race : races) {
                writers.add(race.get());
            }
        } finally {
            threads.shutdownNow();
        }

        List<SequencedItem> accepted = writers.stream().flatMap(writer -> writer.accepted().stream()).toList();
        int conflicts = writers.stream().mapToInt(RacingWriter::conflicts).sum();
        assertThat(accepted.size() + conflicts).isEqualTo(8 * 200);
        assertRaceHistory(store, sequences, accepted);
    }

    /**
     * The notification log is gap-safe: 8 threads append in transactions that commit out of id order, some of
     * which roll back, while a reader follows the log in small pages. The reader gets every stored item exactly
     * once, in the order of a full read afterwards, which holds exactly the items stored.
     */
    @Test
    void aReaderFollowingConcurrentWritersGetsEveryItemOnceInLogOrder() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(9);
        try {
            List<Future<List<SequencedItem>>> writers = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                writers.add(threads.submit(() -> new LogWriter(store).write(60)));
            }
            Future<List<StoredItem>> follower = threads.submit(() -> new LogFollower(store, 5)
                    .follow(() -> writers.stream().allMatch(Future::isDone)));
            List<SequencedItem> stored = new ArrayList<>();
            for (Future<List<SequencedItem>> writer : writers) {
                stored.addAll(writer.get());
            }
            List<StoredItem> followed = follower.get();

            List<StoredItem> log = store.getStoredItems(0, Integer.MAX_VALUE);
            assertThat(log).extracting(StoredItem::item).containsExactlyInAnyOrderElementsOf(stored);
            assertThat(followed).containsExactlyElementsOf(log);
            assertThat(log).extracting(StoredItem::storagePosition).isSorted().doesNotHaveDuplicates();
        } finally {
            threads.shutdownNow();
        }
    }

    /** Every sequence holds positions 0..n-1, once each, and exactly the accepted items. */
    public static void assertRaceHistory(ActiveRecordStrategy store, List<UUID> sequences,
                                         List<SequencedItem> accepted) {
        assertThat(storedRaceHistory(store, sequences)).containsExactlyInAnyOrderElementsOf(accepted);
    }

    /**
     * Every sequence holds positions 0..n-1, once each: all the accepted items, and of the items whose
     * outcome was unknown, those that landed after all.
     */
    public static void assertRaceHistory(ActiveRecordStrategy store, List<UUID> sequences,
                                         List<SequencedItem> accepted, List<SequencedItem> uncertain) {
        List<SequencedItem> stored = storedRaceHistory(store, sequences);
        assertThat(stored).containsAll(accepted);
        List<SequencedItem> acceptedOrUncertain = new ArrayList<>(accepted);
        acceptedOrUncertain.addAll(uncertain);
        assertThat(acceptedOrUncertain).containsAll(stored);
    }

    private static List<SequencedItem> storedRaceHistory(ActiveRecordStrategy store, List<UUID> sequences) {
        List<SequencedItem> stored = new ArrayList<>();
        for (UUID id : sequences) {
            List<SequencedItem> items = store.getItems(id);
            assertThat(items).extracting(SequencedItem::position)
                    .containsExactlyElementsOf(LongStream.range(0, items.size()).boxed().toList());
            stored.addAll(items);
        }
        return stored;
    }

    private List<Long> positions(UUID id, PositionRange range) {
        return store.getItems(id, range).stream().map(SequencedItem::position).toList();
    }
}
