package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * The prepared statements of one store, bound with the store's consistency levels. Reads and the idempotent
 * writes that precede an append may be retried by the driver on another node; the lightweight transactions
 * may not.
 */
final class CassandraStatements {

    private final CassandraConsistency consistency;
    private final PreparedStatement insertItem;
    private final PreparedStatement deleteItem;
    private final PreparedStatement selectItem;
    private final PreparedStatement selectStoredAt;
    private final PreparedStatement selectStoredAtOfBucket;
    private final PreparedStatement selectItemsAscending;
    private final PreparedStatement selectItemsDescending;
    private final PreparedStatement insertBucket;
    private final PreparedStatement selectBucketsAscending;
    private final PreparedStatement selectBucketsDescending;
    private final PreparedStatement deleteBuckets;
    private final PreparedStatement insertLogEntry;
    private final PreparedStatement deleteLogEntry;
    private final PreparedStatement selectLogEntries;
    private final PreparedStatement insertLogBucket;
    private final PreparedStatement selectLogBuckets;
    private final PreparedStatement selectLastLogBuckets;
    private final PreparedStatement selectLastLogEntries;
    private final DataColumn dataColumn;

    CassandraStatements(CqlSession session, CassandraTables tables, CassandraConsistency consistency) {
        this.consistency = consistency;
        insertItem = session.prepare("INSERT INTO " + tables.items()
                + " (sequence_id, bucket, position, topic, data, stored_at) VALUES (?, ?, ?, ?, ?, ?) IF NOT EXISTS");
        dataColumn = DataColumn.of(insertItem);
        deleteItem = session.prepare("DELETE FROM " + tables.items()
                + " WHERE sequence_id = ? AND bucket = ? AND position = ? IF stored_at = ?");
        selectItem = session.prepare("SELECT topic, data, stored_at FROM " + tables.items()
                + " WHERE sequence_id = ? AND bucket = ? AND position = ?");
        selectStoredAt = session.prepare("SELECT position, stored_at FROM " + tables.items()
                + " WHERE sequence_id = ? AND bucket = ? AND position IN ?");
        selectStoredAtOfBucket = session.prepare("SELECT position, stored_at FROM " + tables.items()
                + " WHERE sequence_id = ? AND bucket = ?");
        String selectItems = "SELECT position, topic, data FROM " + tables.items()
                + " WHERE sequence_id = ? AND bucket = ? AND position >= ? AND position <= ? ORDER BY position ";
        selectItemsAscending = session.prepare(selectItems + "ASC LIMIT ?");
        selectItemsDescending = session.prepare(selectItems + "DESC LIMIT ?");
        insertBucket = session.prepare("INSERT INTO " + tables.buckets() + " (sequence_id, bucket) VALUES (?, ?)");
        String selectBuckets = "SELECT bucket FROM " + tables.buckets()
                + " WHERE sequence_id = ? AND bucket >= ? AND bucket <= ? ORDER BY bucket ";
        selectBucketsAscending = session.prepare(selectBuckets + "ASC");
        selectBucketsDescending = session.prepare(selectBuckets + "DESC");
        deleteBuckets = session.prepare("DELETE FROM " + tables.buckets() + " WHERE sequence_id = ?");
        insertLogEntry = session.prepare("INSERT INTO " + tables.log()
                + " (bucket, stored_at, sequence_id, position) VALUES (?, ?, ?, ?)");
        deleteLogEntry = session.prepare("DELETE FROM " + tables.log()
                + " WHERE bucket = ? AND stored_at = ? AND sequence_id = ? AND position = ?");
        selectLogEntries = session.prepare("SELECT stored_at, sequence_id, position FROM " + tables.log()
                + " WHERE bucket = ? AND stored_at > ?");
        insertLogBucket = session.prepare("INSERT INTO " + tables.logBuckets() + " (log_id, bucket) VALUES (0, ?)");
        selectLogBuckets = session.prepare("SELECT bucket FROM " + tables.logBuckets()
                + " WHERE log_id = 0 AND bucket >= ?");
        selectLastLogBuckets = session.prepare("SELECT bucket FROM " + tables.logBuckets()
                + " WHERE log_id = 0 ORDER BY bucket DESC");
        selectLastLogEntries = session.prepare("SELECT stored_at, sequence_id, position FROM " + tables.log()
                + " WHERE bucket = ? ORDER BY stored_at DESC");
    }

    /** The conditional insert of an item: applied only if its position is free. */
    BoundStatement insertItem(StoredRow row) {
        return conditional(insertItem.bind(row.item().sequenceId(), row.bucket(), row.item().position(),
                row.item().topic(), dataColumn.value(row.item().data()), row.storedAt()));
    }

    /** The data of an item from a row that selected it. */
    byte[] data(Row row) {
        return dataColumn.bytes(row);
    }

    /** The conditional delete of an item that this store's append wrote, to undo it. */
    BoundStatement deleteItem(StoredRow row) {
        return deleteItem(row.item().sequenceId(), row.item().position(), row.storedAt());
    }

    /** The conditional delete of an item: applied only if it is there, with this storage position. */
    BoundStatement deleteItem(UUID sequenceId, long position, long storedAt) {
        return conditional(deleteItem.bind(sequenceId, Buckets.ofPosition(position), position, storedAt));
    }

    /**
     * A linearizable read (at the serial consistency) of where the partition's items were stored: it completes
     * or ends any lightweight transaction in progress on the partition, so its answer is final.
     */
    BoundStatement selectStoredAtSerially(List<StoredRow> partition) {
        StoredRow first = partition.get(0);
        List<Long> positions = partition.stream().map(row -> row.item().position()).toList();
        return selectStoredAt.bind(first.item().sequenceId(), first.bucket(), positions)
                .setConsistencyLevel(consistency.serialConsistency()).setIdempotent(true);
    }

    /** The positions and storage positions of the items in a partition, in pages. */
    BoundStatement selectStoredAt(UUID sequenceId, long bucket, int pageSize) {
        return idempotent(selectStoredAtOfBucket.bind(sequenceId, bucket)).setPageSize(pageSize);
    }

    BoundStatement selectItem(UUID sequenceId, long position) {
        return idempotent(selectItem.bind(sequenceId, Buckets.ofPosition(position), position));
    }

    BoundStatement selectItems(UUID sequenceId, long bucket, long lowest, long highest, int limit,
                               boolean descending) {
        PreparedStatement select = descending ? selectItemsDescending : selectItemsAscending;
        return idempotent(select.bind(sequenceId, bucket, lowest, highest, limit));
    }

    BoundStatement insertBucket(UUID sequenceId, long bucket) {
        return idempotent(insertBucket.bind(sequenceId, bucket));
    }

    BoundStatement selectBuckets(UUID sequenceId, long lowest, long highest, boolean descending) {
        PreparedStatement select = descending ? selectBucketsDescending : selectBucketsAscending;
        return idempotent(select.bind(sequenceId, lowest, highest));
    }

    /** The delete of a sequence's entries in the buckets table. */
    BoundStatement deleteBuckets(UUID sequenceId) {
        return idempotent(deleteBuckets.bind(sequenceId));
    }

    BoundStatement insertLogEntry(StoredRow row) {
        return idempotent(insertLogEntry.bind(Buckets.ofStoragePosition(row.storedAt()), row.storedAt(),
                row.item().sequenceId(), row.item().position()));
    }

    BoundStatement deleteLogEntry(StoredRow row) {
        return idempotent(deleteLogEntry.bind(Buckets.ofStoragePosition(row.storedAt()), row.storedAt(),
                row.item().sequenceId(), row.item().position()));
    }

    BoundStatement selectLogEntries(long bucket, long afterStoragePosition, int pageSize) {
        return idempotent(selectLogEntries.bind(bucket, afterStoragePosition)).setPageSize(pageSize);
    }

    BoundStatement insertLogBucket(long bucket) {
        return idempotent(insertLogBucket.bind(bucket));
    }

    BoundStatement selectLogBuckets(long lowest) {
        return idempotent(selectLogBuckets.bind(lowest));
    }

    /** The minutes of the log, the latest first. */
    BoundStatement selectLastLogBuckets() {
        return idempotent(selectLastLogBuckets.bind());
    }

    /** The entries of a minute of the log, the latest first. */
    BoundStatement selectLastLogEntries(long bucket) {
        return idempotent(selectLastLogEntries.bind(bucket));
    }

    /** Conditional statements of one partition as one lightweight transaction: a conditional batch for several. */
    Statement<?> conditional(List<BoundStatement> partition) {
        if (partition.size() == 1) {
            return partition.get(0);
        }
        BatchStatement batch = BatchStatement.newInstance(DefaultBatchType.LOGGED);
        for (BoundStatement statement : partition) {
            batch = batch.add(statement);
        }
        return consistency.conditional(batch);
    }

    private BoundStatement conditional(BoundStatement statement) {
        return consistency.conditional(statement);
    }

    /** A read, or a write that may be repeated without harm. */
    private BoundStatement idempotent(BoundStatement statement) {
        return consistency.idempotent(statement);
    }
}
