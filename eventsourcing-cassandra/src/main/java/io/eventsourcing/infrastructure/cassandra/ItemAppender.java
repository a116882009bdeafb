package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.StoreException;
import io.eventsourcing.infrastructure.cassandra.StoredRow.Partition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Appends items: first the idempotent writes that make them findable (the buckets of their sequences, their
 * log entries), then, per partition, one lightweight transaction that inserts them all if none of their
 * positions is taken. An append within one partition is atomic. An append that spans partitions (several
 * sequences, or a bucket boundary) is written partition by partition; a conflict or failure in a later one
 * deletes what the earlier ones wrote (conditionally, on the item's storage position) before raising.
 * <p>
 * An append must be over within half the log's {@link SettleTime settle time} of taking its storage positions:
 * it starts no lightweight transaction after that, and one that stored its items too late is undone, since a
 * reader of the log may have passed them.
 */
final class ItemAppender {

    private final CqlSession session;
    private final CassandraStatements statements;
    private final ConditionalInsert conditionalInsert;
    private final String table;
    private final SettleTime settleTime;
    private final AtomicLong lastLogBucket = new AtomicLong(Long.MIN_VALUE);

    ItemAppender(CqlSession session, CassandraStatements statements, String table, SettleTime settleTime) {
        this.session = session;
        this.statements = statements;
        this.conditionalInsert = new ConditionalInsert(session, statements);
        this.table = table;
        this.settleTime = settleTime;
    }

    void append(List<SequencedItem> items) {
        if (items.size() > CassandraActiveRecordStrategy.MAX_ITEMS_PER_APPEND) {
            throw new IllegalArgumentException("An append to Cassandra carries at most "
                    + CassandraActiveRecordStrategy.MAX_ITEMS_PER_APPEND + " items, this one " + items.size()
                    + " (" + describe(items) + "): split it, or save the aggregate more often");
        }
        requireDistinctPositions(items);
        AppendDeadline deadline = settleTime.startAppend();
        List<StoredRow> rows = rows(items);
        Map<Partition, List<StoredRow>> partitions = rows.stream().collect(
                Collectors.groupingBy(StoredRow::partition, LinkedHashMap::new, Collectors.toList()));
        String append = describe(items) + " to " + table;
        writeAhead(rows, partitions.keySet(), append);
        List<List<StoredRow>> written = new ArrayList<>();
        for (List<StoredRow> partition : partitions.values()) {
            ConditionalInsert.Outcome outcome;
            try {
                outcome = conditionalInsert.insert(partition, append, deadline);
            } catch (StoreException failure) {
                undo(written, failure);
                throw failure;
            }
            if (!outcome.applied()) {
                ConcurrencyException conflict = new ConcurrencyException("Cannot append " + append + ": "
                        + taken(outcome.taken()) + " already taken (the entity was changed concurrently);"
                        + " nothing was stored", null);
                undo(written, conflict);
                removeLogEntries(rows, conflict);
                throw conflict;
            }
            written.add(partition);
        }
        undoIfLate(deadline, rows, written, append);
    }

    /** Undoes an append that stored its items after its deadline, when readers of the log may have passed them. */
    private void undoIfLate(AppendDeadline deadline, List<StoredRow> rows, List<List<StoredRow>> written,
                            String append) {
        if (deadline.passed()) {
            List<StoreException> undoFailures = remove(written);
            StoreException late = CassandraFailures.storedTooLate(append, deadline, undoFailures.isEmpty());
            undoFailures.forEach(late::addSuppressed);
            removeLogEntries(rows, late);
            throw late;
        }
    }

    private static List<StoredRow> rows(List<SequencedItem> items) {
        long storedAt = StoragePositions.jvm().reserve(items.size());
        List<StoredRow> rows = new ArrayList<>(items.size());
        for (SequencedItem item : items) {
            rows.add(new StoredRow(item, storedAt));
            storedAt += StoragePositions.STEP;
        }
        return rows;
    }

    /** Writes the buckets and log entries of the rows, so that no stored item is ever out of a read's sight. */
    private void writeAhead(List<StoredRow> rows, Set<Partition> partitions, String append) {
        List<Statement<?>> writes = new ArrayList<>();
        partitions.forEach(partition -> writes.add(statements.insertBucket(partition.sequenceId(), partition.bucket())));
        rows.forEach(row -> writes.add(statements.insertLogEntry(row)));
        Set<Long> logBuckets = rows.stream().map(row -> Buckets.ofStoragePosition(row.storedAt()))
                .filter(bucket -> bucket != lastLogBucket.get()).collect(Collectors.toSet());
        logBuckets.forEach(bucket -> writes.add(statements.insertLogBucket(bucket)));
        try {
            awaitAll(writes);
        } catch (RuntimeException e) {
            throw CassandraFailures.preparationFailed(append, e);
        }
        logBuckets.forEach(lastLogBucket::set);
    }

    /** Undoes the partitions this append wrote before it failed, telling of what remains in the failure. */
    private void undo(List<List<StoredRow>> written, RuntimeException failure) {
        remove(written).forEach(failure::addSuppressed);
    }

    /**
     * Deletes the items of the partitions this append wrote, as long as they are still the ones it wrote; returns
     * the failures, each naming the items that remain stored.
     */
    private List<StoreException> remove(List<List<StoredRow>> written) {
        List<StoreException> failures = new ArrayList<>();
        for (List<StoredRow> partition : written) {
            try {
                conditionalInsert.delete(partition);
            } catch (DriverException e) {
                failures.add(new StoreException("Removing the items of " + describe(partition.stream()
                        .map(StoredRow::item).toList()) + " that this append stored failed; they remain stored", e));
            }
        }
        return failures;
    }

    private void removeLogEntries(List<StoredRow> rows, RuntimeException failure) {
        try {
            awaitAll(rows.stream().<Statement<?>>map(statements::deleteLogEntry).toList());
        } catch (RuntimeException e) {
            failure.addSuppressed(CassandraFailures.unwrap(e));
        }
    }

    private void awaitAll(List<Statement<?>> writes) {
        CompletableFuture.allOf(writes.stream()
                .map(write -> session.executeAsync(write).toCompletableFuture())
                .toArray(CompletableFuture[]::new)).join();
    }

    private static void requireDistinctPositions(List<SequencedItem> items) {
        record Place(UUID sequenceId, long position) {
        }
        Set<Place> seen = new HashSet<>();
        for (SequencedItem item : items) {
            if (!seen.add(new Place(item.sequenceId(), item.position()))) {
                throw new ConcurrencyException("Cannot append " + describe(items) + ": it holds " + item.describe()
                        + " twice; nothing was stored", null);
            }
        }
    }

    private static String taken(Set<Long> positions) {
        return positions.isEmpty() ? "a position is"
                : "position " + positions.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + (positions.size() == 1 ? " is" : " are");
    }

    /** "sequence {id} at position {p1}, {p2}; sequence ...", for messages. */
    static String describe(List<SequencedItem> items) {
        return items.stream()
                .collect(Collectors.groupingBy(SequencedItem::sequenceId, LinkedHashMap::new,
                        Collectors.mapping(item -> String.valueOf(item.position()), Collectors.joining(", "))))
                .entrySet().stream()
                .map(entry -> "sequence " + entry.getKey() + " at position " + entry.getValue())
                .collect(Collectors.joining("; "));
    }
}
