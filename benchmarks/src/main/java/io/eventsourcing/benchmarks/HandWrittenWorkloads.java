package io.eventsourcing.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workloads as an application writes them without the library, in plain JDBC: prepared statements, a batch in
 * one transaction for several events and a lone insert in auto-commit mode for one, a fold by hand, pages read by
 * id, and snapshots of the folded state in {@code account_snapshots}. The {@link EventTable} says how the changes
 * are laid out.
 */
final class HandWrittenWorkloads implements Workloads {

    private static final String INSERT_SNAPSHOT =
            "INSERT INTO account_snapshots (account_id, version, state) VALUES (?, ?, ?)";
    private static final String SELECT_SNAPSHOT =
            "SELECT state FROM account_snapshots WHERE account_id = ? ORDER BY version DESC LIMIT 1";

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

    private final DataSource dataSource;
    private final EventTable table;
    private final UuidColumn uuids;
    private final ObjectWriter snapshotWriter = JSON_MAPPER.writerFor(AccountState.class);
    private final ObjectReader snapshotReader = JSON_MAPPER.readerFor(AccountState.class);

    private HandWrittenWorkloads(DataSource dataSource, EventTable table, UuidColumn uuids) {
        this.dataSource = dataSource;
        this.table = table;
        this.uuids = uuids;
    }

    /** The independent baseline, on {@code account_events}. */
    static HandWrittenWorkloads baseline(DataSource dataSource, UuidColumn uuids) {
        return new HandWrittenWorkloads(dataSource, new AccountEventsTable(JSON_MAPPER), uuids);
    }

    /** The same code on the library's table, in its format. */
    static HandWrittenWorkloads inLibraryFormat(DataSource dataSource, UuidColumn uuids) {
        return new HandWrittenWorkloads(dataSource, new LibraryFormatTable(JSON_MAPPER), uuids);
    }

    @Override
    public void store(List<UUID> accountIds, long fromVersion, int count) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(table.insert())) {
                for (UUID accountId : accountIds) {
                    for (long version = fromVersion; version < fromVersion + count; version++) {
                        bind(insert, accountId, version, AccountChange.at(version));
                        insert.addBatch();
                    }
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

    @Override
    public void appendOne(UUID accountId) {
        try (Connection connection = dataSource.getConnection()) {
            insertAlone(connection, accountId, 0, Payload.OPENING);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void appendTen(UUID accountId) {
        store(List.of(accountId), 0, 10);
    }

    @Override
    public long load(UUID accountId) {
        try (Connection connection = dataSource.getConnection()) {
            return fold(connection, accountId, null).version();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void takeSnapshot(UUID accountId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_SNAPSHOT)) {
            AccountState account = fold(connection, accountId, null);
            uuids.bind(insert, 1, accountId);
            insert.setLong(2, account.version());
            insert.setString(3, snapshotWriter.writeValueAsString(account));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long loadFromSnapshot(UUID accountId) {
        try (Connection connection = dataSource.getConnection()) {
            AccountState snapshot;
            try (PreparedStatement select = connection.prepareStatement(SELECT_SNAPSHOT)) {
                uuids.bind(select, 1, accountId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("No snapshot of " + accountId);
                    }
                    snapshot = snapshotReader.readValue(rows.getString(1));
                }
            }
            return fold(connection, accountId, snapshot).version();
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
                PreparedStatement select = connection.prepareStatement(table.selectPage())) {
            while (read < count) {
                select.setLong(1, after);
                select.setInt(2, pageSize);
                int inPage = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next() && read < count) {
                        after = rows.getLong(1);
                        UUID accountId = uuids.read(rows, 2);
                        long version = rows.getLong(3);
                        AccountChange change = table.readChange(rows, 4, version);
                        checksum += after + version + accountId.hashCode() + change.note().length();
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
            AccountState account = fold(connection, accountId, null);
            insertAlone(connection, accountId, account.version(), Payload.DEPOSIT);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account folded from its changes after the snapshot (all of them without one). */
    private AccountState fold(Connection connection, UUID accountId, @Nullable AccountState snapshot)
            throws SQLException {
        AccountState account = snapshot;
        try (PreparedStatement select = connection.prepareStatement(table.selectHistory())) {
            uuids.bind(select, 1, accountId);
            select.setLong(2, snapshot == null ? 0 : snapshot.version());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long version = rows.getLong(1);
                    account = AccountState.fold(account, version, table.readChange(rows, 2, version));
                }
            }
        }
        if (account == null) {
            throw new IllegalStateException("No account " + accountId + " in " + table.name());
        }
        return account;
    }

    private void insertAlone(Connection connection, UUID accountId, long version, AccountChange change)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(table.insert())) {
            bind(insert, accountId, version, change);
            insert.executeUpdate();
        }
    }

    private void bind(PreparedStatement insert, UUID accountId, long version, AccountChange change)
            throws SQLException {
        uuids.bind(insert, 1, accountId);
        insert.setLong(2, version);
        table.bindChange(insert, 3, version, change);
    }
}
