package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.InvalidSettingException;
import io.eventsourcing.infrastructure.PositionRange;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.StoreException;
import io.eventsourcing.infrastructure.StoredItem;
import java.time.Duration;
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
 * {@link #getStoredItems} reads the notification log: all items ordered by storage position, a microsecond
 * timestamp of the appending JVM's clock, strictly increasing within the JVM. Appends made one after another
 * come back in the order they were made; appends made concurrently, by different JVMs, in the order of their
 * clocks. An append writes its log entries ahead of its items, so the log holds an entry back until it is older
 * than the <em>settle time</em> S ({@link #DEFAULT_SETTLE_TIME 10 s} by default) by the reader's clock, and
 * then takes an entry without its item for an append that did not happen. A read that meets an entry younger
 * than S, but older than the read, waits for it (at most S in all): a follower at the head of the log gets an
 * item about S after its append. In return an append must store its items within S/2 of taking its storage
 * positions, by the writer's monotonic clock: it starts no lightweight transaction after that, and one that
 * stored its items later is undone (conditionally deleted) and raises {@link StoreException} saying so.
 * <p>
 * The log is then gap-safe as {@link ActiveRecordStrategy#getStoredItems} says: a reader that resumes after the
 * last position it was given gets every item once, in storage order, provided that
 * <ul>
 * <li>no reader's clock runs more than S/2 ahead of a writer's (NTP keeps them within milliseconds);</li>
 * <li>readers see what appends acknowledged: QUORUM on both sides, or LOCAL_QUORUM in the writers' data centre
 * (a reader in another data centre may get a write after it has passed its position);</li>
 * <li>readers use at least the writers' settle time;</li>
 * <li>every append that may have stored an item ends in this store: an item stays out of the log, although its
 * sequence holds it, if its writer died between its lightweight transaction and the deadline check, if its
 * outcome was unknown (the exception says so) and Cassandra completed it later, or if undoing it failed (the
 * exception says that items remain stored);</li>
 * <li>no two JVMs take the same storage position: they do for 1 in 1,024 pairs of appends made in the same
 * microsecond, and a page that ends between the two makes its reader miss the second.</li>
 * </ul>
 * An append undone as late holds its items for a moment. After its deadline it runs at most the lightweight
 * transaction it had started (or the read that settles one that timed out before), then a conditional delete per
 * partition it wrote (which also ends a transaction that timed out after the deadline), each within the driver's
 * request timeout R ({@code basic.request.timeout}, 2 s by default). No reader of the log gets those items if
 * (1 + partitions) &times; R is under S/2 less the clocks' difference: for an append to one partition, as nearly
 * all are, R under S/4 (2 s against 10 s by default). A writer of the same sequence can see them, and may append
 * after an item that is then removed, leaving a gap. {@link #getLastStoredItem} does not wait for the log to settle.
 * <p>
 * Use native protocol V4 ({@code advanced.protocol.version = V4}): driver 4.19 misreads protocol V5's reply to
 * a lightweight transaction that timed out (it leaves the reply's new {@code contentions} field unread) and closes
 * the connection, failing every request in flight on it. The store warns when created on a V5 session.
 * <p>
 * {@link CassandraDataKeyStore} keeps data subjects' keys beside the items, for crypto-shredding.
 * <p>
 * Thread-safe. The tables must exist when the store is created ({@link CassandraSchema}).
 */
public class CassandraActiveRecordStrategy implements ActiveRecordStrategy {

    /** The most items one append may carry. */
    public static final int MAX_ITEMS_PER_APPEND = 100;

    /**
     * The notification log's default settle time. Appends get 5 s: room for a lightweight transaction that times
     * out at the driver's default request timeout of 2 s and the read that settles it. Readers' clocks may run up
     * to 5 s ahead of writers'; up to 1 s, and no reader gets the items of an append undone as late.
     */
    public static final Duration DEFAULT_SETTLE_TIME = Duration.ofSeconds(10);

    private static final Logger LOGGER = LoggerFactory.getLogger(CassandraActiveRecordStrategy.class);

    private final CqlSession session;
    private final CassandraTables tables;
    private final CassandraConsistency consistency;
    private final SettleTime settleTime;
    private final ItemAppender appender;
    private final SequenceReader sequenceReader;
    private final SequenceDeleter sequenceDeleter;
    private final LogReader logReader;

    /** Stores items in the given tables at the default consistency levels (LOCAL_QUORUM, SERIAL). */
    public CassandraActiveRecordStrategy(CqlSession session, CassandraTables tables) {
        this(session, tables, CassandraConsistency.DEFAULT);
    }

    /** Stores items in the given tables, which must exist, at the given consistency levels. */
    public CassandraActiveRecordStrategy(CqlSession session, CassandraTables tables,
                                         CassandraConsistency consistency) {
        this(session, tables, consistency, DEFAULT_SETTLE_TIME);
    }

    /**
     * Stores items in the given tables, which must exist, at the given consistency levels, with the given settle
     * time of the notification log: appends must store their items within half of it, and the log returns items
     * once they are older than it.
     *
     * @throws InvalidSettingException if the settle time is not positive
     */
    public CassandraActiveRecordStrategy(CqlSession session, CassandraTables tables,
                                         CassandraConsistency consistency, Duration settleTime) {
        this.session = Objects.requireNonNull(session, "session");
        this.settleTime = new SettleTime(settleTime);
        if (session.getContext().getProtocolVersion().getCode() >= DefaultProtocolVersion.V5.getCode()) {
            LOGGER.warn("The Cassandra session uses native protocol {}: driver 4.19 closes a connection that receives"
                    + " a lightweight transaction's timeout in it, failing every request in flight; set the driver's"
                    + " advanced.protocol.version to V4", session.getContext().getProtocolVersion());
        }
        this.tables = Objects.requireNonNull(tables, "tables");
        this.consistency = Objects.requireNonNull(consistency, "consistency");
        CassandraStatements statements = new CassandraStatements(session, tables, consistency);
        this.appender = new ItemAppender(session, statements, tables.items(), this.settleTime);
        this.sequenceReader = new SequenceReader(session, statements, tables.items());
        this.sequenceDeleter = new SequenceDeleter(session, statements, tables.items());
        this.logReader = new LogReader(session, statements, tables.items(), this.settleTime);
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

    /**
     * Deletes every item of a sequence, and its entries in the buckets table, for a store of snapshots. The log keeps
     * its entries of the items, and skips them as those of appends that did not happen: it reads an entry's item
     * only once the entry has settled, and skips an entry whose item is missing. Not for a sequence that is still
     * written: an append that races the deletion may keep its item, and may leave it out of the sequence's reads
     * until the sequence's next append to the same bucket.
     */
    @Override
    public int deleteItems(UUID sequenceId) {
        return sequenceDeleter.delete(Objects.requireNonNull(sequenceId, "sequenceId"));
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

    /** The settle time of the notification log. */
    public Duration getSettleTime() {
        return settleTime.duration();
    }

    CqlSession session() {
        return session;
    }

    CassandraConsistency consistency() {
        return consistency;
    }
}
