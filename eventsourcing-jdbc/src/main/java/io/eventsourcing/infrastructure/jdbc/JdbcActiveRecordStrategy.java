package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.DataIntegrityException;
import io.eventsourcing.infrastructure.PositionRange;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.StoreException;
import io.eventsourcing.infrastructure.StoreUnavailableException;
import io.eventsourcing.infrastructure.StoredItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores sequenced items in a table of a relational database (H2, SQLite, PostgreSQL, MariaDB, MySQL)
 * through JDBC. The table's unique constraint on (sequence id, position) provides optimistic
 * concurrency control: an append whose position is taken fails with {@link ConcurrencyException} and
 * stores nothing.
 * <p>
 * An append joins the transaction of the calling thread that the transaction manager knows about (a
 * Spring {@code @Transactional} method), and otherwise runs in a transaction of its own. An embedded
 * database whose settings lose acknowledged commits when the process dies is refused
 * ({@link JdbcDialect#requireDurable(DataSource)}). Thread-safe.
 */
public class JdbcActiveRecordStrategy implements ActiveRecordStrategy {

    private final DataSource dataSource;
    private final SequencedItemTable table;
    private final JdbcDialect dialect;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactionTemplate;
    private final SequencedItemStatements statements;
    private final TopicNumbers topics;
    private final ItemRows rows;
    private final NotificationLogReader logReader;

    /** Stores items in {@code sequenced_items}, in the database behind the data source. */
    public JdbcActiveRecordStrategy(DataSource dataSource) {
        this(dataSource, SequencedItemTable.SEQUENCED_ITEMS);
    }

    /** Stores items in the given table, in the database behind the data source. */
    public JdbcActiveRecordStrategy(DataSource dataSource, SequencedItemTable table) {
        this(dataSource, table, JdbcDialect.of(dataSource), new JdbcTransactionManager(dataSource));
    }

    /**
     * Stores items in the given table, using a known dialect, in transactions of the given manager (which
     * must manage the data source's connections, as Spring's JDBC and JPA transaction managers do).
     */
    public JdbcActiveRecordStrategy(DataSource dataSource, SequencedItemTable table, JdbcDialect dialect,
                                    PlatformTransactionManager transactionManager) {
        this(dataSource, table, dialect, new TransactionTemplate(
                Objects.requireNonNull(transactionManager, "transactionManager")));
    }

    private JdbcActiveRecordStrategy(DataSource dataSource, SequencedItemTable table, JdbcDialect dialect,
                                     TransactionTemplate transactionTemplate) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Objects.requireNonNull(table, "table");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.jdbcTemplate = new JdbcTemplate(dataSource);
        this.transactionTemplate = transactionTemplate;
        this.statements = SequencedItemStatements.of(table);
        this.topics = new TopicNumbers(table, dialect);
        this.rows = new ItemRows(table, dialect, topics);
        this.logReader = new NotificationLogReader(dataSource, rows, statements);
        dialect.requireDurable(dataSource);
        dialect.requireGapSafeLog(dataSource, table);
        dialect.requireTopicNumbers(dataSource, table);
    }

    /**
     * The same store, appending within the caller's transaction in a nested one (a savepoint), so that a
     * failed append rolls back alone and leaves the caller's transaction usable: for optional writes such
     * as snapshots. Without a caller's transaction it appends in a transaction of its own.
     */
    public JdbcActiveRecordStrategy inNestedTransactions() {
        TransactionTemplate nested = new TransactionTemplate(
                Objects.requireNonNull(transactionTemplate.getTransactionManager()));
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        return new JdbcActiveRecordStrategy(dataSource, table, dialect, nested);
    }

    @Override
    public void append(List<SequencedItem> items) {
        if (items.isEmpty()) {
            return;
        }
        try {
            if (items.size() > 1 || dialect.locksWriters() || !insertAlone(items.get(0))) {
                transactionTemplate.executeWithoutResult(status -> insert(items));
            }
        } catch (CannotGetJdbcConnectionException | CannotCreateTransactionException e) {
            throw unavailable("Appending " + describe(items) + " to " + table.table(), e);
        } catch (DataAccessException | TransactionException e) {
            if (dialect.isUniqueViolationInChain(e)) {
                throw new ConcurrencyException("Cannot append " + describe(items) + " to " + table.table()
                        + ": a position is already taken (the entity was changed concurrently); nothing was stored",
                        e);
            }
            throw new StoreException("Appending " + describe(items) + " to " + table.table() + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void inTransaction(Runnable work) {
        try {
            transactionTemplate.executeWithoutResult(status -> work.run());
        } catch (CannotCreateTransactionException e) {
            throw unavailable("A transaction on " + table.table(), e);
        } catch (TransactionException e) {
            throw new StoreException("A transaction on " + table.table() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Inserts one item outside any transaction, on a connection in auto-commit mode, where the statement is a
     * transaction of its own: as atomic, without the round trips that begin and end an explicit transaction (one
     * on PostgreSQL, three on MariaDB). Does nothing and returns false when a transaction is active, which the
     * insert must join, when the connection is not in auto-commit mode, or when the item's topic has no committed
     * number yet, which the insert's transaction must give it.
     */
    private boolean insertAlone(SequencedItem item) {
        Integer topicNumber = topics.committedNumber(item.topic());
        if (topicNumber == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        return Boolean.TRUE.equals(jdbcTemplate.execute((ConnectionCallback<Boolean>) connection -> {
            if (!connection.getAutoCommit()) {
                return false;
            }
            try (PreparedStatement statement = connection.prepareStatement(statements.insert())) {
                bind(statement, item, topicNumber);
                statement.executeUpdate();
            }
            return true;
        }));
    }

    private void insert(List<SequencedItem> items) {
        lockWritersIfNeeded();
        jdbcTemplate.execute((ConnectionCallback<Void>) connection -> {
            int[] topicNumbers = topicNumbers(connection, items);
            try (PreparedStatement statement = connection.prepareStatement(statements.insert())) {
                if (items.size() == 1) {
                    bind(statement, items.get(0), topicNumbers[0]);
                    statement.executeUpdate();
                    return null;
                }
                for (int i = 0; i < topicNumbers.length; i++) {
                    bind(statement, items.get(i), topicNumbers[i]);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    /**
     * Inserts items, one by one, in the transaction that must be active, and returns their ids: their positions in
     * the log.
     */
    long[] insertReturningIds(List<SequencedItem> items) {
        lockWritersIfNeeded();
        long[] ids = new long[items.size()];
        jdbcTemplate.execute((ConnectionCallback<Void>) connection -> {
            int[] topicNumbers = topicNumbers(connection, items);
            try (PreparedStatement statement = connection.prepareStatement(statements.insert(), new String[] {"id"})) {
                for (int i = 0; i < ids.length; i++) {
                    bind(statement, items.get(i), topicNumbers[i]);
                    statement.executeUpdate();
                    try (ResultSet keys = statement.getGeneratedKeys()) {
                        keys.next();
                        ids[i] = keys.getLong(1);
                    }
                }
            }
            return null;
        });
        return ids;
    }

    /** The numbers of the items' topics, numbering in the connection's transaction those that have none. */
    private int[] topicNumbers(Connection connection, List<SequencedItem> items) throws SQLException {
        int[] numbers = new int[items.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = topics.numberForAppend(connection, items.get(i).topic());
        }
        return numbers;
    }

    private void lockWritersIfNeeded() {
        if (dialect.locksWriters()) {
            jdbcTemplate.queryForList(statements.lockWriters());
        }
    }

    private void bind(PreparedStatement statement, SequencedItem item, int topicNumber) throws SQLException {
        dialect.setUuid(statement, 1, item.sequenceId());
        statement.setLong(2, item.position());
        statement.setInt(3, topicNumber);
        statement.setBytes(4, item.data());
    }

    @Override
    public Optional<SequencedItem> getItem(UUID sequenceId, long position) {
        Objects.requireNonNull(sequenceId, "sequenceId");
        List<SequencedItem> items = read(() -> "Reading sequence " + sequenceId + " at position " + position,
                () -> query(statements.selectItem(), statement -> {
                    dialect.setUuid(statement, 1, sequenceId);
                    statement.setLong(2, position);
                }, (connection, row) -> rows.item(connection, row, sequenceId)));
        return items.stream().findFirst();
    }

    @Override
    public List<SequencedItem> getItems(UUID sequenceId, PositionRange range) {
        Objects.requireNonNull(sequenceId, "sequenceId");
        Objects.requireNonNull(range, "range");
        return read(() -> "Reading sequence " + sequenceId + " in " + range,
                () -> query(statements.selectItems(table, range), statement -> {
                    int index = 1;
                    dialect.setUuid(statement, index++, sequenceId);
                    for (Long bound : new Long[] {range.gt(), range.gte(), range.lt(), range.lte()}) {
                        if (bound != null) {
                            statement.setLong(index++, bound);
                        }
                    }
                    if (range.limit() != null) {
                        statement.setInt(index, range.limit());
                    }
                }, (connection, row) -> rows.item(connection, row, sequenceId)));
    }

    /** Sets the parameters of a statement. */
    @FunctionalInterface
    interface Parameters {

        /** No parameters. */
        Parameters NONE = statement -> {
        };

        void set(PreparedStatement statement) throws SQLException;
    }

    /** Reads a row of a result, on the connection that holds it. */
    @FunctionalInterface
    interface RowReader<T> {

        T read(Connection connection, ResultSet row) throws SQLException;
    }

    /** The rows of a query, each read on the query's connection: the calling thread's transaction's, if it has one. */
    <T> List<T> query(String sql, Parameters parameters, RowReader<T> reader) {
        return jdbcTemplate.execute((ConnectionCallback<List<T>>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.set(statement);
                List<T> result = new ArrayList<>();
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        result.add(reader.read(connection, row));
                    }
                }
                return result;
            }
        });
    }

    /** Reads sequenced items from this strategy's rows. */
    ItemRows rows() {
        return rows;
    }

    /**
     * {@inheritDoc}
     * <p>
     * The log's order is the table's ids. How a reader knows that no id below the ones it has read can still
     * appear depends on the database, see {@link InFlightWriters}; the log is read outside the calling thread's
     * transaction.
     */
    @Override
    public List<StoredItem> getStoredItems(long afterStoragePosition, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return logReader.read(afterStoragePosition, limit);
    }

    @Override
    public Optional<StoredItem> getLastStoredItem() {
        return read(() -> "Reading the last stored item", () -> query(statements.selectLastStoredItem(),
                Parameters.NONE, (connection, row) -> new StoredItem(row.getLong(5), rows.item(connection, row))))
                .stream().findFirst();
    }

    @Override
    public int deleteItems(UUID sequenceId) {
        Objects.requireNonNull(sequenceId, "sequenceId");
        return read(() -> "Deleting sequence " + sequenceId, () -> jdbcTemplate.update(statements.deleteItems(),
                statement -> dialect.setUuid(statement, 1, sequenceId)));
    }

    /** How many items the table holds: a count of its rows, which reads every row's entry in an index or more. */
    public long countItems() {
        return read(() -> "Counting the items", () -> jdbcTemplate.queryForObject(statements.countItems(), Long.class));
    }

    /** The table this strategy stores items in. */
    public SequencedItemTable getTable() {
        return table;
    }

    /** The dialect of this strategy's database. */
    public JdbcDialect getDialect() {
        return dialect;
    }

    DataSource dataSource() {
        return dataSource;
    }

    TransactionTemplate transactionTemplate() {
        return transactionTemplate;
    }

    /**
     * Runs a query of this strategy's database, reporting an unreachable database as {@link StoreUnavailableException}
     * and any other failure as {@link StoreException}, both naming the operation and the table.
     */
    <T> T read(Supplier<String> operation, Supplier<T> query) {
        try {
            return query.get();
        } catch (DataIntegrityException e) {
            throw e;
        } catch (DataAccessException e) {
            throw failure(operation.get() + " from " + table.table(), e);
        }
    }

    /** A failed operation of this strategy's database: {@link StoreUnavailableException} if it was not reached. */
    static StoreException failure(String operation, DataAccessException e) {
        return e instanceof CannotGetJdbcConnectionException ? unavailable(operation, e)
                : new StoreException(operation + " failed: " + e.getMessage(), e);
    }

    /** The database could not be reached, so the operation did nothing. */
    static StoreUnavailableException unavailable(String operation, NestedRuntimeException e) {
        return new StoreUnavailableException(operation + " failed, and did nothing: the database cannot be reached ("
                + e.getMostSpecificCause().getMessage() + ")", e);
    }

    private static String describe(List<SequencedItem> items) {
        return items.stream()
                .collect(Collectors.groupingBy(SequencedItem::sequenceId,
                        Collectors.mapping(item -> String.valueOf(item.position()), Collectors.joining(", "))))
                .entrySet().stream()
                .map(entry -> "sequence " + entry.getKey() + " at position " + entry.getValue())
                .collect(Collectors.joining("; "));
    }
}
