package io.eventsourcing.infrastructure.cassandra;

import static io.eventsourcing.testing.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.InvalidSettingException;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.StoreException;
import io.eventsourcing.infrastructure.StoredItem;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The notification log on Cassandra: a reader holds back entries younger than the settle time rather than pass
 * an append in flight, or a writer whose clock is behind; an append that stores its items later than half the
 * settle time, or whose transaction times out after that, is undone and says so, rather than leave an item that
 * readers may have passed.
 */
class CassandraNotificationLogTests {

    private static final Duration APPEND_BOUND = SingleNodeStores.SETTLE_TIME.dividedBy(2);
    private static final Duration PAST_THE_BOUND = APPEND_BOUND.plusMillis(500);

    private final CassandraActiveRecordStrategy store = SingleNodeStores.emptyStore("log_items");

    @Test
    void aReaderWaitsForAnAppendInFlightInsteadOfPassingIt() {
        SequencedItem inFlight = item(UUID.randomUUID(), 0);
        long inFlightAt = StoragePositions.jvm().reserve(1);
        writeLogEntry(inFlight, inFlightAt);
        SequencedItem later = item(UUID.randomUUID(), 0);
        store.append(later);
        CompletableFuture<Void> landing = CompletableFuture.runAsync(() -> {
            pause(Duration.ofMillis(300));
            writeItem(inFlight, inFlightAt);
        });

        List<StoredItem> log = store.getStoredItems(0, 10);

        assertThat(log).extracting(StoredItem::item).containsExactly(inFlight, later);
        long laterSettledAt = StoragePositions.micros(log.get(1).storagePosition())
                + micros(SingleNodeStores.SETTLE_TIME);
        assertThat(StoragePositions.clockMicros()).isGreaterThan(laterSettledAt);
        landing.join();
    }

    @Test
    void aReaderDoesNotPassAWriterWhoseClockIsBehindByLessThanHalfTheSettleTime() {
        SequencedItem appended = item(UUID.randomUUID(), 0);
        store.append(appended);
        SequencedItem behind = item(UUID.randomUUID(), 0);
        CompletableFuture<Void> lagging = CompletableFuture.runAsync(() -> {
            pause(Duration.ofMillis(300));
            long clockBehind = StoragePositions.clockMicros() - micros(SingleNodeStores.SETTLE_TIME.dividedBy(3));
            storeAsIfAppendedAt(behind, StoragePositions.firstAt(clockBehind));
        });

        assertThat(store.getStoredItems(0, 10)).extracting(StoredItem::item).containsExactly(behind, appended);
        lagging.join();
    }

    @Test
    void theLogLeavesOutEntriesWhoseAppendDidNotHappen() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        store.append(item(first, 0));
        assertThatThrownBy(() -> store.append(List.of(item(second, 0), item(first, 0))))
                .isInstanceOf(ConcurrencyException.class);
        writeLogEntry(item(UUID.randomUUID(), 0), StoragePositions.jvm().reserve(1));
        store.append(item(second, 0));

        assertThat(store.getStoredItems(0, 10)).extracting(StoredItem::item)
                .containsExactly(item(first, 0), item(second, 0));
        assertThat(store.getStoredItems(0, 1)).extracting(StoredItem::item).containsExactly(item(first, 0));
    }

    @Test
    void theLogIsReadInOrderAcrossMinutes() {
        long minute = Buckets.LOG_BUCKET_SIZE;
        long now = StoragePositions.jvm().reserve(1);
        List<SequencedItem> stored = List.of(item(UUID.randomUUID(), 0), item(UUID.randomUUID(), 0),
                item(UUID.randomUUID(), 0), item(UUID.randomUUID(), 0));
        storeAsIfAppendedAt(stored.get(0), now - 3 * minute);
        storeAsIfAppendedAt(stored.get(1), now - 3 * minute + 1);
        storeAsIfAppendedAt(stored.get(2), now - minute);
        store.append(stored.get(3));

        List<StoredItem> all = store.getStoredItems(0, 10);
        assertThat(all).extracting(StoredItem::item).containsExactlyElementsOf(stored);
        List<StoredItem> secondPage = store.getStoredItems(all.get(1).storagePosition(), 2);
        assertThat(secondPage).containsExactlyElementsOf(all.subList(2, 4));
    }

    @Test
    void anAppendThatStoresItsItemsTooLateIsUndoneAndSaysSo() {
        SlowTransactions slow = SlowTransactions.answeringLate(SingleNodeStores.session(), PAST_THE_BOUND);
        CassandraActiveRecordStrategy slowStore = store(slow.session());
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> slowStore.append(item(id, 0)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Appending sequence " + id + " at position 0")
                .hasMessageContaining("more than the " + APPEND_BOUND.toMillis()
                        + " ms that the notification log allows an append")
                .hasMessageContaining("it was undone, and stored nothing");

        assertThat(store.getItems(id)).isEmpty();
        assertThat(logEntries()).isZero();
        assertThat(store.getStoredItems(0, 10)).isEmpty();
        store.append(item(id, 0));
        assertThat(store.getStoredItems(0, 10)).extracting(StoredItem::item).containsExactly(item(id, 0));
    }

    @Test
    void anAppendOutOfTimeStartsNoFurtherTransactionAndUndoesThoseItRan() {
        SlowTransactions slow = SlowTransactions.answeringLate(SingleNodeStores.session(), PAST_THE_BOUND);
        CassandraActiveRecordStrategy slowStore = store(slow.session());
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        assertThatThrownBy(() -> slowStore.append(List.of(item(first, 0), item(second, 0))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("failed, and stored nothing: it did not store its items within the "
                        + APPEND_BOUND.toMillis() + " ms");

        assertThat(slow.inserts()).isEqualTo(1);
        assertThat(store.getItems(first)).isEmpty();
        assertThat(store.getItems(second)).isEmpty();
        assertThat(store.getStoredItems(0, 10)).isEmpty();
    }

    @Test
    void aTransactionThatTimesOutAfterTheDeadlineIsWithdrawnNotRetried() {
        SlowTransactions slow = SlowTransactions.timingOut(SingleNodeStores.session(), PAST_THE_BOUND);
        CassandraActiveRecordStrategy slowStore = store(slow.session());
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> slowStore.append(item(id, 0)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("failed, and stored nothing: it did not store its items within the "
                        + APPEND_BOUND.toMillis() + " ms")
                .hasMessageContaining("after DriverTimeoutException");

        assertThat(slow.inserts()).isEqualTo(1);
        assertThat(store.getItems(id)).isEmpty();
        assertThat(store.getStoredItems(0, 10)).isEmpty();
    }

    @Test
    void theSettleTimeMustBePositive() {
        assertThatThrownBy(() -> new CassandraActiveRecordStrategy(SingleNodeStores.session(), store.getTables(),
                CassandraConsistency.DEFAULT, Duration.ZERO))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("settleTime must be positive");
        assertThat(new CassandraActiveRecordStrategy(SingleNodeStores.session(), store.getTables()).getSettleTime())
                .isEqualTo(CassandraActiveRecordStrategy.DEFAULT_SETTLE_TIME);
    }

    /** A store of the same tables on another session. */
    private CassandraActiveRecordStrategy store(CqlSession session) {
        return new CassandraActiveRecordStrategy(session, store.getTables(), CassandraConsistency.DEFAULT,
                SingleNodeStores.SETTLE_TIME);
    }

    private long logEntries() {
        return SingleNodeStores.session().execute("SELECT count(*) FROM " + store.getTables().log()).one().getLong(0);
    }

    /** A log entry as an append writes it ahead of its item. */
    private void writeLogEntry(SequencedItem item, long storedAt) {
        CassandraTables tables = store.getTables();
        CqlSession session = SingleNodeStores.session();
        session.execute("INSERT INTO " + tables.log() + " (bucket, stored_at, sequence_id, position)"
                + " VALUES (?, ?, ?, ?)", Buckets.ofStoragePosition(storedAt), storedAt, item.sequenceId(),
                item.position());
        session.execute("INSERT INTO " + tables.logBuckets() + " (log_id, bucket) VALUES (0, ?)",
                Buckets.ofStoragePosition(storedAt));
    }

    /** An item and its bucket as an append's lightweight transaction stores them. */
    private void writeItem(SequencedItem item, long storedAt) {
        CassandraTables tables = store.getTables();
        CqlSession session = SingleNodeStores.session();
        session.execute("INSERT INTO " + tables.items()
                + " (sequence_id, bucket, position, topic, data, stored_at) VALUES (?, ?, ?, ?, ?, ?)",
                item.sequenceId(), Buckets.ofPosition(item.position()), item.position(), item.topic(),
                ByteBuffer.wrap(item.data()), storedAt);
        session.execute("INSERT INTO " + tables.buckets() + " (sequence_id, bucket) VALUES (?, ?)",
                item.sequenceId(), Buckets.ofPosition(item.position()));
    }

    /** Stores an item, its bucket and log entries as an append with this storage position would. */
    private void storeAsIfAppendedAt(SequencedItem item, long storedAt) {
        writeLogEntry(item, storedAt);
        writeItem(item, storedAt);
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
