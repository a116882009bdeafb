package io.eventsourcing.infrastructure.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * How a reader of the notification log waits out the transactions that may still make items visible below
 * the highest id it has seen: after the wait, every id up to that one is either visible or never will be.
 */
sealed interface InFlightWriters {

    /** How long a reader waits for writers before it returns what it can already vouch for. */
    Duration LIMIT = Duration.ofSeconds(1);

    /**
     * Waits until every write transaction in flight now has ended, on a connection in auto-commit mode.
     *
     * @return false if that did not happen within {@link #LIMIT}
     */
    boolean awaitEnd(Connection connection) throws SQLException;

    /** The way of the database of a dialect. */
    static InFlightWriters of(JdbcDialect dialect, SequencedItemTable table) {
        return switch (dialect) {
            case H2, SQLITE -> new Serialized();
            case POSTGRESQL -> new PostgresTransactions();
            case MYSQL -> new MysqlTableLock(table.table());
        };
    }

    /**
     * Writers that hold a lock from the moment they take ids until they commit (SQLite's database lock, the H2
     * table's writer lock): ids become visible in order, so no id below a visible one can appear later.
     */
    record Serialized() implements InFlightWriters {

        @Override
        public boolean awaitEnd(Connection connection) {
            return true;
        }
    }

    /**
     * PostgreSQL: a writer's transaction id is taken before its items' ids ({@code <table>_next_id()}), so a
     * transaction that holds an id below a visible one was already running. Waits until the oldest running
     * transaction is younger than every transaction that was running now: until {@code xmin} of the current
     * snapshot reaches {@code xmax} of this one.
     */
    record PostgresTransactions() implements InFlightWriters {

        @Override
        public boolean awaitEnd(Connection connection) throws SQLException {
            String horizon;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT pg_snapshot_xmax(pg_current_snapshot())::text")) {
                rows.next();
                horizon = rows.getString(1);
            }
            long deadline = System.nanoTime() + LIMIT.toNanos();
            try (PreparedStatement reached = connection.prepareStatement(
                    "SELECT pg_snapshot_xmin(pg_current_snapshot()) >= ?::xid8")) {
                reached.setString(1, horizon);
                for (long pause = 1; ; pause = Math.min(pause * 2, 20)) {
                    try (ResultSet rows = reached.executeQuery()) {
                        rows.next();
                        if (rows.getBoolean(1)) {
                            return true;
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        return false;
                    }
                    sleep(pause);
                }
            }
        }

        private static void sleep(long millis) throws SQLException {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting for the transactions in flight", e);
            }
        }
    }

    /**
     * MariaDB and MySQL: {@code LOCK TABLES ... READ} waits for the metadata locks that every transaction that
     * is writing to the table holds until it ends, from before it takes an id; it is released at once.
     * Needs the {@code LOCK TABLES} privilege.
     */
    record MysqlTableLock(String table) implements InFlightWriters {

        private static final int LOCK_WAIT_TIMEOUT = 1205;

        @Override
        public boolean awaitEnd(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION lock_wait_timeout = " + LIMIT.toSeconds());
                try {
                    statement.execute("LOCK TABLES " + table + " READ");
                    statement.execute("UNLOCK TABLES");
                    return true;
                } catch (SQLException e) {
                    if (e.getErrorCode() == LOCK_WAIT_TIMEOUT) {
                        return false;
                    }
                    throw e;
                } finally {
                    statement.execute("SET SESSION lock_wait_timeout = DEFAULT");
                }
            }
        }
    }
}
