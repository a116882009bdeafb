package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.PositionRange;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.StoreException;
import io.eventsourcing.infrastructure.StoredItem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores sequenced items in Apache Cassandra through the DataStax/Apache Java driver.
 * <p>
 * The items of a sequence live in partitions of (sequence id, bucket), ordered by position; a bucket holds
 * 10,000 versions, or one UTC day of microsecond timestamps (see {@link CassandraTables} for the tables). An
 * append inserts its items with {@code INSERT ... IF NOT EXISTS}, a lightweight transaction (Paxos) at the
 * configured serial consistency, all items of one partition in one conditional batch: if any position is
 * taken, none is stored and the append raises {@link ConcurrencyException}. One append carries at most
 * {@value #MAX_ITEMS_PER_APPEND} items. An append that spans partitions (several sequences, or versions that
 * cross a multiple of 10,000) is written partition by partition, and removes what it wrote if a later
 * partition conflicts or fails: not atomic if the process dies in between, and briefly visible to readers.
 * <p>
 * A lightweight transaction whose outcome is unknown (a timeout or lost connection in its Paxos round) is
 * settled by a linearizable read of its positions: each item carries its append's storage position, which
 * tells it from another writer's. Failures raise {@link StoreException}, naming sequence ids and positions, and
 * saying whether anything was stored: "unknown" only when that read failed too.
 * <p>
 * {@link #getStoredItems} reads a log of all items ordered by storage position: a microsecond timestamp of
 * the appending JVM's clock, strictly increasing within the JVM. Appends made one after another come back in
 * the order they were made; appends made concurrently by different JVMs come back in the order of their
 * clocks, and a reader at the head of the log can pass an item whose append was still in flight.
 * <p>
 * Use native protocol V4 ({@code advanced.protocol.version = V4}): driver 4.19 misreads protocol V5's reply to
 * a lightweight transaction that timed out (it leaves the reply's new {@code contentions} field unread) and closes
 * the connection, failing every request in flight on it. The store warns when created on a V5 session.
 * <p>
 * Thread-safe. The tables must exist when the store is created ({@link CassandraSchema}).
 */
public class CassandraActiveRecordStrategy implements ActiveRecordStrategy {

    /** The most items one append may carry. */
    public static final int MAX_ITEMS_PER_APPEND = 100;

    private static final Logger LOGGER = LoggerFactory.getLogger(CassandraActiveRecordStrategy.class);

    private final CassandraTables tables;
    private final ItemAppender appender;
    private final SequenceReader sequenceReader;
    private final LogReader logReader;

    /** Stores items in the given tables at the default consistency levels (LOCAL_QUORUM, SERIAL). */
    public CassandraActiveRecordStrategy(CqlSession session, CassandraTables tables) {
        this(session, tables, CassandraConsistency.DEFAULT);
    }

    /** Stores items in the given tables, which must exist, at the given consistency levels. */
    public CassandraActiveRecordStrategy(CqlSession session, CassandraTables tables,
                                         CassandraConsistency consistency) {
        Objects.requireNonNull(session, "session");
        if (session.getContext().getProtocolVersion().getCode() >= DefaultProtocolVersion.V5.getCode()) {
            LOGGER.warn("The Cassandra session uses native protocol {}: driver 4.19 closes a connection that receives"
                    + " a lightweight transaction's timeout in it, failing every request in flight; set the driver's"
                    + " advanced.protocol.version to V4", session.getContext().getProtocolVersion());
        }
        this.tables = Objects.requireNonNull(tables, "tables");
        CassandraStatements statements = new CassandraStatements(session, tables,
                Objects.requireNonNull(consistency, "consistency"));
        this.appender = new ItemAppender(session, statements, tables.items());
        this.sequenceReader = new SequenceReader(session, statements, tables.items());
        this.logReader = new LogReader(session, statements, tables.items());
    }

    @Override
    public void append(List<SequencedItem> items) {
        if (!items.isEmpty()) {
            appender.append(items);
        }
    }

    @Override
    public Optional<SequencedItem> getItem(UUID sequenceId, long position) {
        return sequenceReader.getItem(Objects.requireNonNull(sequenceId, "sequenceId"), position);
    }

    @Override
    public List<SequencedItem> getItems(UUID sequenceId, PositionRange range) {
        return sequenceReader.getItems(Objects.requireNonNull(sequenceId, "sequenceId"),
                Objects.requireNonNull(range, "range"));
    }

    @Override
    public List<StoredItem> getStoredItems(long afterStoragePosition, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return logReader.getStoredItems(afterStoragePosition, limit);
    }

    @Override
    public Optional<StoredItem> getLastStoredItem() {
        return logReader.getLastStoredItem();
    }

    /** The tables this strategy stores items in. */
    public CassandraTables getTables() {
        return tables;
    }
}
