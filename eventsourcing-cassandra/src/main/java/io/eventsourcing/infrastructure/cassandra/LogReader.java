package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.Row;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.StoredItem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Reads the notification log: all items in storage order. It walks the minutes of the log from the one of the
 * given storage position and reads each entry's item, a page of entries at a time, concurrently.
 * <p>
 * Only entries that have {@linkplain SettleTime settled} are read: an entry's item is then stored for good, or
 * its append did not happen, and the entry is skipped if its item is missing or holds another storage position.
 * At the first entry that has not settled the page ends; if it has room left and the entry's storage position is
 * older than the read, the reader waits for the entry to settle, at most the settle time, and reads on. So a page
 * comes back short only if the log holds no entry after it whose storage position is older than the read.
 */
final class LogReader {

    private final CqlSession session;
    private final CassandraStatements statements;
    private final String table;
    private final SettleTime settleTime;

    LogReader(CqlSession session, CassandraStatements statements, String table, SettleTime settleTime) {
        this.session = session;
        this.statements = statements;
        this.table = table;
        this.settleTime = settleTime;
    }

    List<StoredItem> getStoredItems(long afterStoragePosition, int limit) {
        long readAt = StoragePositions.firstAt(StoragePositions.clockMicros());
        List<StoredItem> items = new ArrayList<>();
        try {
            while (true) {
                long after = items.isEmpty() ? afterStoragePosition : items.get(items.size() - 1).storagePosition();
                OptionalLong unsettled = addSettledItems(after, limit, items);
                if (items.size() == limit || unsettled.isEmpty() || unsettled.getAsLong() >= readAt
                        || !awaitSettled(unsettled.getAsLong())) {
                    return items;
                }
            }
        } catch (DriverException | CompletionException e) {
            throw CassandraFailures.readFailed("Reading the items stored after " + afterStoragePosition + " from "
                    + table, e);
        }
    }

    /**
     * Adds the items of the settled entries after a storage position, up to the limit; returns the storage
     * position of the entry that stopped it, if one had not settled.
     */
    private OptionalLong addSettledItems(long afterStoragePosition, int limit, List<StoredItem> items) {
        long horizon = settleTime.horizon();
        for (Row bucket : session.execute(statements.selectLogBuckets(
                Buckets.ofStoragePosition(afterStoragePosition)))) {
            Iterator<Row> entries = session.execute(statements.selectLogEntries(bucket.getLong("bucket"),
                    afterStoragePosition, limit)).iterator();
            while (items.size() < limit && entries.hasNext()) {
                List<Row> chunk = new ArrayList<>();
                while (chunk.size() < limit - items.size() && entries.hasNext()) {
                    Row entry = entries.next();
                    if (entry.getLong("stored_at") >= horizon) {
                        items.addAll(confirmed(chunk));
                        return OptionalLong.of(entry.getLong("stored_at"));
                    }
                    chunk.add(entry);
                }
                items.addAll(confirmed(chunk));
            }
            if (items.size() == limit) {
                break;
            }
        }
        return OptionalLong.empty();
    }

    /** Waits until a storage position has settled; false if interrupted. */
    private boolean awaitSettled(long storagePosition) {
        try {
            TimeUnit.NANOSECONDS.sleep(settleTime.nanosUntilSettled(storagePosition));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The item of the latest entry of the log whose item is stored. */
    Optional<StoredItem> getLastStoredItem() {
        try {
            for (Row bucket : session.execute(statements.selectLastLogBuckets())) {
                for (Row entry : session.execute(statements.selectLastLogEntries(bucket.getLong("bucket")))) {
                    Optional<StoredItem> item = read(entry).join();
                    if (item.isPresent()) {
                        return item;
                    }
                }
            }
            return Optional.empty();
        } catch (DriverException | CompletionException e) {
            throw CassandraFailures.readFailed("Reading the last stored item from " + table, e);
        }
    }

    /** The entries' items that are stored with the entries' storage positions, in the entries' order. */
    private List<StoredItem> confirmed(List<Row> entries) {
        List<CompletableFuture<Optional<StoredItem>>> reads = entries.stream().map(this::read).toList();
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
        return reads.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
    }

    private CompletableFuture<Optional<StoredItem>> read(Row entry) {
        long storedAt = entry.getLong("stored_at");
        UUID sequenceId = entry.getUuid("sequence_id");
        long position = entry.getLong("position");
        return session.executeAsync(statements.selectItem(sequenceId, position)).toCompletableFuture()
                .thenApply(result -> Optional.ofNullable(result.one())
                        .filter(row -> row.getLong("stored_at") == storedAt)
                        .map(row -> new StoredItem(storedAt, new SequencedItem(sequenceId, position,
                                row.getString("topic"), statements.data(row)))));
    }
}
