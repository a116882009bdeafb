package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.infrastructure.InvalidSettingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * What differs between the supported databases: how a UUID is stored, how a unique violation is
 * reported, which settings of an embedded database would lose commits, and where the library's
 * migrations for the database live.
 */
public enum JdbcDialect {

    /**
     * H2: native UUID; unique violation SQLState 23505. A database file must write each commit before it
     * returns ({@code WRITE_DELAY=0}), not up to half a second later as by default.
     */
    H2("h2", true) {
        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }

        @Override
        public void requireDurable(DataSource dataSource) {
            inspect(dataSource, this::requireWriteDelayZero);
        }

        private void requireWriteDelayZero(Connection connection) throws SQLException {
            String file = queryValue(connection, "SELECT DATABASE_PATH()");
            if (file == null) {
                return; // in memory: nothing outlives the process anyway
            }
            for (String delay : queryValues(connection,
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                if (!"0".equals(delay)) {
                    throw notDurable("the H2 database file " + file, "keeps commits in memory for up to " + delay
                            + " ms before writing them (WRITE_DELAY=" + delay + "), so events acknowledged just "
                            + "before the process dies are lost", "add ;WRITE_DELAY=0 to the JDBC URL");
                }
            }
        }
    },

    /**
     * SQLite: UUID as text; unique violation error code 19 (SQLITE_CONSTRAINT) with no SQLState. A database
     * file must keep a journal on disk and sync its commits.
     */
    SQLITE("sqlite", false) {
        @Override
        boolean isUniqueViolation(SQLException e) {
            return e.getErrorCode() == 19 && e.getMessage() != null && e.getMessage().contains("UNIQUE");
        }

        @Override
        public void requireDurable(DataSource dataSource) {
            inspect(dataSource, this::requireJournalAndSync);
        }

        private void requireJournalAndSync(Connection connection) throws SQLException {
            String file = queryValue(connection, "SELECT file FROM pragma_database_list WHERE name = 'main'");
            if (file == null || file.isEmpty()) {
                return; // in memory or temporary: nothing outlives the connection anyway
            }
            String journalMode = String.valueOf(queryValue(connection, "PRAGMA journal_mode"));
            if (journalMode.equalsIgnoreCase("off") || journalMode.equalsIgnoreCase("memory")) {
                throw notDurable("the SQLite database " + file, "keeps no rollback journal on disk (journal_mode="
                        + journalMode + "), so a crash in the middle of a commit loses or corrupts the database",
                        "set journal_mode=WAL in the JDBC URL");
            }
            if ("0".equals(queryValue(connection, "PRAGMA synchronous"))) {
                throw notDurable("the SQLite database " + file, "hands commits to the operating system without "
                        + "syncing them (synchronous=OFF), so a crash of the machine loses or corrupts them",
                        "leave synchronous at its default, FULL, or set NORMAL with journal_mode=WAL");
            }
        }
    },

    /**
     * PostgreSQL: native uuid; unique violation SQLState 23505. A table's ids must come from
     * {@code <table>_next_id()}, which takes the transaction's id first, for the notification log to be gap-safe.
     */
    POSTGRESQL("postgresql", true) {
        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }

        @Override
        void requireGapSafeLog(DataSource dataSource, SequencedItemTable table) {
            inspectIfReachable(dataSource, connection -> {
                List<String> defaults = queryValues(connection, "SELECT COALESCE(column_default, '') FROM"
                        + " information_schema.columns WHERE table_schema = current_schema() AND table_name = '"
                        + table.table() + "' AND column_name = 'id'");
                if (!defaults.isEmpty() && !defaults.get(0).contains(table.table() + "_next_id()")) {
                    throw new IllegalStateException("The table " + table.table() + " lacks the library's migration "
                            + "V3__notification_log (its id column's default is not " + table.table()
                            + "_next_id()), without which a reader of the notification log can pass an event that "
                            + "commits later: let the library migrate the table, or apply "
                            + "db/eventsourcing/postgresql/V3__notification_log.sql yourself");
                }
            });
        }
    },

    /**
     * MariaDB and MySQL: UUID as CHAR(36); unique violation error code 1062. A plain read in a repeatable-read
     * transaction (their default) sees the snapshot of the transaction's first read, so a read that must see what is
     * committed now is a locking one; text compares exactly as bytes only, their collations ignoring case or trailing
     * spaces.
     */
    MYSQL("mysql", false) {
        @Override
        boolean isUniqueViolation(SQLException e) {
            return e.getErrorCode() == 1062;
        }

        @Override
        String lockingRead(String select) {
            return select + " LOCK IN SHARE MODE";
        }

        @Override
        String exactTextType() {
            return "VARBINARY(1020)";
        }
    };

    private final String migrationsFolder;
    private final boolean nativeUuid;

    JdbcDialect(String migrationsFolder, boolean nativeUuid) {
        this.migrationsFolder = migrationsFolder;
        this.nativeUuid = nativeUuid;
    }

    /** The dialect of the database behind a data source, from its product name. */
    public static JdbcDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return ofProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database to find its dialect: "
                    + e.getMessage(), e);
        }
    }

    /** The dialect of a database product name as JDBC reports it. */
    public static JdbcDialect ofProductName(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("sqlite")) {
            return SQLITE;
        }
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return MYSQL;
        }
        throw new IllegalArgumentException("Unsupported database '" + productName
                + "': supported are H2, SQLite, PostgreSQL, MariaDB and MySQL");
    }

    /** The classpath location of this database's migrations. */
    public String migrationsLocation() {
        return "classpath:db/eventsourcing/" + migrationsFolder;
    }

    /** Whether an exception, or one of its causes, reports a violated unique constraint. */
    public boolean isUniqueViolationInChain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (isUniqueViolation(e)) {
                        return true;
                    }
                }
            }
        }
        return this == H2;
    }

    abstract boolean isUniqueViolation(SQLException e);

    /**
     * Refuses an embedded database whose settings lose acknowledged commits when the application's process
     * dies: an embedded database keeps its files in that process. A server's durability is its own, and is
     * not checked (nor is a connection opened).
     *
     * @throws InvalidSettingException naming the setting {@code url}
     */
    public void requireDurable(DataSource dataSource) {
    }

    /**
     * Refuses a table whose schema lacks what keeps the notification log gap-safe on this database; a table
     * that does not exist yet is let through (migrations create it), and so is a server that cannot be reached.
     *
     * @throws IllegalStateException naming the migration to apply
     */
    void requireGapSafeLog(DataSource dataSource, SequencedItemTable table) {
    }

    /**
     * Refuses a table whose rows still hold their topics as text, before the library's migration
     * {@code V4__topic_numbers}; a table that does not exist yet is let through (migrations create it), and so is a
     * server that cannot be reached.
     *
     * @throws IllegalStateException naming the migration to apply
     */
    void requireTopicNumbers(DataSource dataSource, SequencedItemTable table) {
        inspectIfReachable(dataSource, connection -> {
            if (hasTable(connection, table.table()) && !hasTable(connection, table.table() + "_topics")) {
                throw new IllegalStateException("The table " + table.table() + " lacks the library's migration "
                        + "V4__topic_numbers (it has no table " + table.table() + "_topics), without which its rows "
                        + "cannot name their topics: let the library migrate the table, or apply db/eventsourcing/"
                        + migrationsFolder + "/V4__topic_numbers.sql yourself");
            }
        });
    }

    private static boolean hasTable(Connection connection, String table) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * A query that reads what is committed when it runs, whatever the transaction's isolation; the others' plain reads
     * do, or fail the transaction when they cannot (a serialization failure).
     */
    String lockingRead(String select) {
        return select;
    }

    /** The SQL type of a text of up to 255 characters that compares exactly, byte for byte. */
    String exactTextType() {
        return "VARCHAR(255)";
    }

    /** The SQL type of up to 128 bytes. */
    String shortBytesType() {
        return this == POSTGRESQL ? "BYTEA" : "VARBINARY(128)";
    }

    /** A look at the settings of a database through one of its connections. */
    @FunctionalInterface
    private interface Inspection {

        void inspect(Connection connection) throws SQLException;
    }

    private static void inspect(DataSource dataSource, Inspection inspection) {
        try (Connection connection = dataSource.getConnection()) {
            inspection.inspect(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database to check its settings: "
                    + e.getMessage(), e);
        }
    }

    /** Inspects a server's database if it can be reached now; one that cannot is checked by its first use. */
    private static void inspectIfReachable(DataSource dataSource, Inspection inspection) {
        try (Connection connection = dataSource.getConnection()) {
            inspection.inspect(connection);
        } catch (SQLException e) {
            // unreachable or not readable: appends and reads report it
        }
    }

    private static InvalidSettingException notDurable(String database, String problem, String remedy) {
        return new InvalidSettingException("url", "url names " + database + ", which " + problem + "; " + remedy);
    }

    private static @Nullable String queryValue(Connection connection, String query) throws SQLException {
        List<String> values = queryValues(connection, query);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> queryValues(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    void setUuid(PreparedStatement statement, int index, UUID uuid) throws SQLException {
        if (nativeUuid) {
            statement.setObject(index, uuid);
        } else {
            statement.setString(index, uuid.toString());
        }
    }

    /** The UUID in a column of a row. */
    UUID uuid(ResultSet resultSet, int column) throws SQLException {
        return nativeUuid ? resultSet.getObject(column, UUID.class) : UUID.fromString(resultSet.getString(column));
    }

    /**
     * Whether an append takes the table's writer lock ({@code <table>_writer_lock}) before its inserts and holds
     * it until it commits, so that ids become visible in order (H2, whose readers have no other way to wait out
     * the writers in flight).
     */
    boolean locksWriters() {
        return this == H2;
    }
}
