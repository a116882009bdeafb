package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.infrastructure.shredding.DataKeyStore;
import io.eventsourcing.infrastructure.shredding.StoredDataKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Data subjects' keys in the table {@code <table>_data_keys} beside a table of sequenced items, created by
 * {@link FlywaySchemaMigration#forDataKeys}. A key is stored in the caller's transaction, by an insert that does
 * nothing when the subject has a row (on H2, which has none, under a savepoint), so that a concurrent writer that
 * stored the subject's key first leaves the transaction usable. Thread-safe.
 */
public final class JdbcDataKeyStore implements DataKeyStore {

    private static final String COLUMNS = "subject_id, wrapped_key";

    private final JdbcActiveRecordStrategy items;
    private final String table;
    private final JdbcTemplate jdbcTemplate;
    private final UniqueInsert insert;

    /** The keys beside the table of a strategy, in its database and its transactions. */
    public JdbcDataKeyStore(JdbcActiveRecordStrategy items) {
        this.items = Objects.requireNonNull(items, "items");
        this.table = items.getTable().table() + "_data_keys";
        this.jdbcTemplate = new JdbcTemplate(items.dataSource());
        this.insert = new UniqueInsert(items.getDialect(), table, COLUMNS, "subject_id");
    }

    @Override
    public Optional<StoredDataKey> find(UUID subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        return items.read(() -> "Reading the data key of " + subjectId, () -> jdbcTemplate.query(
                "SELECT " + COLUMNS + " FROM " + table + " WHERE subject_id = ?",
                JdbcDataKeyStore::toKey, subjectId.toString())).stream().findFirst();
    }

    @Override
    public StoredDataKey create(UUID subjectId, byte[] wrappedKey, Consumer<Boolean> whenSettled) {
        Objects.requireNonNull(wrappedKey, "wrappedKey");
        boolean inTransaction = TransactionSynchronizationManager.isSynchronizationActive();
        String storing = "Storing the data key of " + subjectId + " in " + table;
        if (!insertUnlessTaken(subjectId, wrappedKey, storing)) {
            return find(subjectId).orElseThrow(() -> new IllegalStateException(storing + " found the subject's row"
                    + " taken, then no row: it was deleted meanwhile"));
        }
        if (inTransaction) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    whenSettled.accept(status == STATUS_COMMITTED);
                }
            });
        } else {
            whenSettled.accept(true);
        }
        return new StoredDataKey(subjectId, wrappedKey);
    }

    /** Inserts a subject's row unless it has one; returns whether it was inserted. */
    private boolean insertUnlessTaken(UUID subjectId, byte[] wrappedKey, String storing) {
        try {
            return Boolean.TRUE.equals(jdbcTemplate.execute((ConnectionCallback<Boolean>) connection ->
                    insert.insert(connection, subjectId.toString(), wrappedKey)));
        } catch (DataAccessException e) {
            throw JdbcActiveRecordStrategy.failure(storing, e);
        }
    }

    @Override
    public void forget(UUID subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        long now = Timestamps.toMicros(Timestamps.now());
        items.inTransaction(() -> {
            int updated = jdbcTemplate.update("UPDATE " + table + " SET wrapped_key = NULL, forgotten_at = ? WHERE"
                    + " subject_id = ?", now, subjectId.toString());
            if (updated == 0) {
                jdbcTemplate.update("INSERT INTO " + table + " (subject_id, forgotten_at) VALUES (?, ?)",
                        subjectId.toString(), now);
            }
        });
    }

    @Override
    public boolean replace(UUID subjectId, byte[] expected, byte[] wrappedKey) {
        return items.read(() -> "Replacing the data key of " + subjectId, () -> jdbcTemplate.update("UPDATE " + table
                + " SET wrapped_key = ? WHERE subject_id = ? AND wrapped_key = ?", wrappedKey, subjectId.toString(),
                expected)) == 1;
    }

    @Override
    public List<StoredDataKey> page(@Nullable UUID after, int limit) {
        return items.read(() -> "Reading the data keys", () -> after == null
                ? jdbcTemplate.query("SELECT " + COLUMNS + " FROM " + table + " ORDER BY subject_id LIMIT ?",
                        JdbcDataKeyStore::toKey, limit)
                : jdbcTemplate.query("SELECT " + COLUMNS + " FROM " + table + " WHERE subject_id > ? ORDER BY"
                        + " subject_id LIMIT ?", JdbcDataKeyStore::toKey, after.toString(), limit));
    }

    @Override
    public String toString() {
        return "JdbcDataKeyStore[" + table + "]";
    }

    private static StoredDataKey toKey(ResultSet resultSet, int row) throws SQLException {
        return new StoredDataKey(UUID.fromString(resultSet.getString(1).strip()), resultSet.getBytes(2));
    }
}
