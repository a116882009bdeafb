package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.codec.ExtraTypeCodecs;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.infrastructure.StoreException;
import io.eventsourcing.infrastructure.shredding.DataKeyStore;
import io.eventsourcing.infrastructure.shredding.StoredDataKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Data subjects' keys in the table {@code <table>_data_keys} beside a store's items, created with the other tables
 * by {@link CassandraSchema}.
 * <p>
 * Every write is a lightweight transaction, so that the writes of a subject's row are linearizable and each one is
 * timestamped by its Paxos ballot, which is later than that of the write committed before it on the row, whatever
 * the clocks. A create is {@code INSERT ... IF NOT EXISTS}; a forget is {@code UPDATE ... SET wrapped_key = null,
 * forgotten_at = ? IF forgotten_at = null}, which writes the row of an unknown subject too; a replace is
 * {@code UPDATE ... IF wrapped_key = ?}. So a forget after a create deletes the key with a newer tombstone; a create
 * after a forget finds the row and returns it, forgotten; a replace after a forget finds no key. No plain write
 * touches the table: timestamped by its client's clock, a forget so written could be older than the create it
 * follows, and the key would outlive its tombstone.
 * <p>
 * Reads are at the store's consistency: at QUORUM or LOCAL_QUORUM they see every write that succeeded before them.
 * There are no transactions: a new key is settled as soon as it is stored. A write whose outcome is unknown raises
 * a {@link StoreException} that says so, and may be repeated. Pages follow Cassandra's order of the rows, by the
 * token of the subject id. Thread-safe.
 */
public final class CassandraDataKeyStore implements DataKeyStore {

    private static final String COLUMNS = "subject_id, wrapped_key";
    /** Cassandra's order of partition keys with the same token: their bytes, unsigned. */
    private static final Comparator<UUID> KEY_ORDER = Comparator.comparing(UUID::getMostSignificantBits,
            Long::compareUnsigned).thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private final CqlSession session;
    private final CassandraConsistency consistency;
    private final String table;
    private final PreparedStatement select;
    private final PreparedStatement insert;
    private final PreparedStatement forget;
    private final PreparedStatement replace;
    private final PreparedStatement selectFirst;
    private final PreparedStatement selectSameToken;
    private final PreparedStatement selectAfterToken;

    /** The keys beside the tables of a strategy, on its session and at its consistency levels. */
    public CassandraDataKeyStore(CassandraActiveRecordStrategy items) {
        Objects.requireNonNull(items, "items");
        this.session = items.session();
        this.consistency = items.consistency();
        this.table = items.getTables().dataKeys();
        String selectFrom = "SELECT " + COLUMNS + " FROM " + table;
        select = session.prepare(selectFrom + " WHERE subject_id = ?");
        insert = session.prepare("INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?) IF NOT EXISTS");
        forget = session.prepare("UPDATE " + table + " SET wrapped_key = null, forgotten_at = ? WHERE subject_id = ?"
                + " IF forgotten_at = null");
        replace = session.prepare("UPDATE " + table + " SET wrapped_key = ? WHERE subject_id = ? IF wrapped_key = ?");
        selectFirst = session.prepare(selectFrom + " LIMIT ?");
        selectSameToken = session.prepare(selectFrom + " WHERE token(subject_id) = token(?)");
        selectAfterToken = session.prepare(selectFrom + " WHERE token(subject_id) > token(?) LIMIT ?");
    }

    @Override
    public Optional<StoredDataKey> find(UUID subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        return read("Reading the data key of subject " + subjectId, select.bind(subjectId)).stream().findFirst();
    }

    @Override
    public StoredDataKey create(UUID subjectId, byte[] wrappedKey, Consumer<Boolean> whenSettled) {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(wrappedKey, "wrappedKey");
        String storing = "Storing the data key of subject " + subjectId;
        ResultSet result = write(storing, insert.bind(subjectId, ByteBuffer.wrap(wrappedKey)));
        if (!result.wasApplied()) {
            return toKey(Objects.requireNonNull(result.one(), () -> storing + " was not applied, yet returned no row"));
        }
        whenSettled.accept(true);
        return new StoredDataKey(subjectId, wrappedKey);
    }

    /** Forgets a subject once: forgetting it again keeps the time it was first forgotten. */
    @Override
    public void forget(UUID subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        write("Forgetting the data key of subject " + subjectId,
                forget.bind(Timestamps.toMicros(Timestamps.now()), subjectId));
    }

    @Override
    public boolean replace(UUID subjectId, byte[] expected, byte[] wrappedKey) {
        Objects.requireNonNull(subjectId, "subjectId");
        return write("Replacing the data key of subject " + subjectId, replace.bind(ByteBuffer.wrap(wrappedKey),
                subjectId, ByteBuffer.wrap(expected))).wasApplied();
    }

    /**
     * {@inheritDoc} Rows come in the order of their tokens; a page after a subject starts with the rows of the same
     * token that follow it, so that ids whose tokens collide are visited too.
     */
    @Override
    public List<StoredDataKey> page(@Nullable UUID after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        if (after == null) {
            return read("Reading the first data keys", selectFirst.bind(limit));
        }
        String reading = "Reading the data keys after subject " + after;
        List<StoredDataKey> page = new ArrayList<>(read(reading, selectSameToken.bind(after)).stream()
                .filter(key -> KEY_ORDER.compare(key.subjectId(), after) > 0)
                .sorted(Comparator.comparing(StoredDataKey::subjectId, KEY_ORDER)).limit(limit).toList());
        if (page.size() < limit) {
            page.addAll(read(reading, selectAfterToken.bind(after, limit - page.size())));
        }
        return page;
    }

    @Override
    public String toString() {
        return "CassandraDataKeyStore[" + table + "]";
    }

    private List<StoredDataKey> read(String reading, BoundStatement statement) {
        try {
            return session.execute(consistency.idempotent(statement)).all().stream()
                    .map(CassandraDataKeyStore::toKey).toList();
        } catch (DriverException e) {
            throw CassandraFailures.readFailed(reading + " from " + table, e);
        }
    }

    /** A lightweight transaction on the table. */
    private ResultSet write(String writing, BoundStatement statement) {
        try {
            return session.execute(consistency.conditional(statement));
        } catch (DriverException e) {
            throw CassandraFailures.writeFailed(writing + " in " + table, e);
        }
    }

    private static StoredDataKey toKey(Row row) {
        return new StoredDataKey(Objects.requireNonNull(row.getUuid("subject_id")),
                row.get("wrapped_key", ExtraTypeCodecs.BLOB_TO_ARRAY));
    }
}
