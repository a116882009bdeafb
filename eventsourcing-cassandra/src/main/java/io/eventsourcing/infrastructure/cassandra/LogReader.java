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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads all items in storage order: walks the minutes of the log from the one of the given storage position,
 * and for each log entry reads its item, keeping the entry only if the item holds the same storage position
 * (an entry without its item belongs to an append that conflicted, failed or is still in flight). Items are
 * read concurrently, a page of entries at a time.
 */
final class LogReader {

    private final CqlSession session;
    private final CassandraStatements statements;
    private final String table;

    LogReader(CqlSession session, CassandraStatements statements, String table) {
        this.session = session;
        this.statements = statements;
        this.table = table;
    }

    List<StoredItem> getStoredItems(long afterStoragePosition, int limit) {
        List<StoredItem> items = new ArrayList<>();
        try {
            for (Row bucket : session.execute(statements.selectLogBuckets(
                    Buckets.ofStoragePosition(afterStoragePosition)))) {
                Iterator<Row> entries = session.execute(statements.selectLogEntries(bucket.getLong("bucket"),
                        afterStoragePosition, limit)).iterator();
                while (items.size() < limit && entries.hasNext()) {
                    List<Row> chunk = new ArrayList<>();
                    while (chunk.size() < limit - items.size() && entries.hasNext()) {
                        chunk.add(entries.next());
                    }
                    items.addAll(confirmed(chunk));
                }
                if (items.size() == limit) {
                    break;
                }
            }
        } catch (DriverException | CompletionException e) {
            throw CassandraFailures.readFailed("Reading the items stored after " + afterStoragePosition + " from "
                    + table, e);
        }
        return items;
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
