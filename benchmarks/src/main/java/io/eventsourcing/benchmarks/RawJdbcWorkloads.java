package io.eventsourcing.benchmarks;

import io.eventsourcing.benchmarks.Account.Deposited;
import io.eventsourcing.benchmarks.Account.Opened;
import io.eventsourcing.domain.DomainEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline: the workloads written by hand in plain JDBC, with the library's SQL on the library's table and the
 * same Jackson serialisation of the same event records, and nothing else: a reader and a writer per event class made
 * once, no mapping layer, an account folded by a {@code switch}, a single insert in auto-commit mode.
 */
final class RawJdbcWorkloads implements Workloads {

    private static final String INSERT = """
            INSERT INTO sequenced_items (sequence_id, position, topic, data) VALUES (?, ?, ?, ?)""";
    private static final String SELECT_SEQUENCE = """
            SELECT sequence_id, position, topic, data FROM sequenced_items WHERE sequence_id = ? \
            ORDER BY position ASC""";
    private static final String SELECT_SEQUENCE_FROM = """
            SELECT sequence_id, position, topic, data FROM sequenced_items WHERE sequence_id = ? AND position >= ? \
            ORDER BY position ASC""";
    private static final String SELECT_STORED = """
            SELECT sequence_id, position, topic, data, id FROM sequenced_items WHERE id > ? ORDER BY id LIMIT ?""";
    private static final String INSERT_SNAPSHOT = """
            INSERT INTO snapshots (sequence_id, position, topic, data) VALUES (?, ?, ?, ?)""";
    private static final String SELECT_SNAPSHOT = """
            SELECT sequence_id, position, topic, data FROM snapshots WHERE sequence_id = ? \
            ORDER BY position DESC LIMIT 1""";
    private static final String OPENED = Opened.class.getName();
    private static final String DEPOSITED = Deposited.class.getName();
    private static final String SNAPSHOT = "raw-account";

    private final DataSource dataSource;
    private final boolean nativeUuid;
    private final ObjectWriter openedWriter;
    private final ObjectWriter depositedWriter;
    private final ObjectWriter snapshotWriter;
    private final Map<String, ObjectReader> readers;
    private final ObjectReader snapshotReader;

    /**
     * The baseline on a data source whose database stores UUIDs natively ({@code nativeUuid}, PostgreSQL) or as
     * text (MariaDB), as the library's dialects do.
     */
    RawJdbcWorkloads(DataSource dataSource, boolean nativeUuid, JsonMapper jsonMapper) {
        this.dataSource = dataSource;
        this.nativeUuid = nativeUuid;
        this.openedWriter = jsonMapper.writerFor(Opened.class);
        this.depositedWriter = jsonMapper.writerFor(Deposited.class);
        this.snapshotWriter = jsonMapper.writerFor(RawAccount.class);
        this.readers = Map.of(OPENED, jsonMapper.readerFor(Opened.class),
                DEPOSITED, jsonMapper.readerFor(Deposited.class));
        this.snapshotReader = jsonMapper.readerFor(RawAccount.class);
    }

    @Override
    public void appendOne(UUID accountId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bindEvent(insert, Payload.opened(accountId));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void appendTen(UUID accountId) {
        inTransaction(Payload.events(accountId, 0, 10));
    }

    @Override
    public long load(UUID accountId) {
        try (Connection connection = dataSource.getConnection()) {
            return replay(connection, SELECT_SEQUENCE, accountId, null).version;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void takeSnapshot(UUID accountId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_SNAPSHOT)) {
            RawAccount account = replay(connection, SELECT_SEQUENCE, accountId, null);
            setUuid(insert, 1, accountId);
            insert.setLong(2, account.version);
            insert.setString(3, SNAPSHOT);
            insert.setString(4, snapshotWriter.writeValueAsString(account));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long loadFromSnapshot(UUID accountId) {
        try (Connection connection = dataSource.getConnection()) {
            RawAccount snapshot;
            try (PreparedStatement select = connection.prepareStatement(SELECT_SNAPSHOT)) {
                setUuid(select, 1, accountId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("No snapshot of " + accountId);
                    }
                    snapshot = snapshotReader.readValue(rows.getString(4));
                }
            }
            return replay(connection, SELECT_SEQUENCE_FROM, accountId, snapshot).version;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long readAll(int count, int pageSize) {
        long checksum = 0;
        long after = 0;
        int read = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT_STORED)) {
            while (read < count) {
                select.setLong(1, after);
                select.setInt(2, pageSize);
                int inPage = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next() && read < count) {
                        DomainEvent event = readers.get(rows.getString(3)).readValue(rows.getString(4));
                        after = rows.getLong(5);
                        checksum += after ^ event.timestamp().getNano();
                        inPage++;
                        read++;
                    }
                }
                if (inPage < pageSize) {
                    break;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return checksum;
    }

    @Override
    public void roundTrip(UUID accountId) {
        try (Connection connection = dataSource.getConnection()) {
            RawAccount account = replay(connection, SELECT_SEQUENCE, accountId, null);
            Deposited deposited = Payload.deposited(accountId, account.version);
            RawAccount.apply(account, deposited);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bindEvent(insert, deposited);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void inTransaction(List<DomainEvent> events) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (DomainEvent event : events) {
                    bindEvent(insert, event);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account folded from its events at or after the snapshot's version (all of them without a snapshot). */
    private RawAccount replay(Connection connection, String sql, UUID accountId, RawAccount snapshot)
            throws SQLException {
        RawAccount account = snapshot;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            setUuid(select, 1, accountId);
            if (snapshot != null) {
                select.setLong(2, snapshot.version);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    account = RawAccount.apply(account, readers.get(rows.getString(3)).readValue(rows.getString(4)));
                }
            }
        }
        if (account == null) {
            throw new IllegalStateException("No account " + accountId);
        }
        return account;
    }

    private void bindEvent(PreparedStatement insert, DomainEvent event) throws SQLException {
        if (event instanceof Opened opened) {
            setUuid(insert, 1, opened.originatorId());
            insert.setLong(2, 0);
            insert.setString(3, OPENED);
            insert.setString(4, openedWriter.writeValueAsString(opened));
        } else if (event instanceof Deposited deposited) {
            setUuid(insert, 1, deposited.originatorId());
            insert.setLong(2, deposited.originatorVersion());
            insert.setString(3, DEPOSITED);
            insert.setString(4, depositedWriter.writeValueAsString(deposited));
        } else {
            throw new IllegalArgumentException("Unexpected event " + event);
        }
    }

    private void setUuid(PreparedStatement statement, int index, UUID uuid) throws SQLException {
        if (nativeUuid) {
            statement.setObject(index, uuid);
        } else {
            statement.setString(index, uuid.toString());
        }
    }
}
