package io.eventsourcing.infrastructure.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Collections;

/**
 * An insert of a row unless its key is taken, which then inserts nothing and fails nothing, so that a transaction
 * racing another for the key stays usable: the database's own such insert ({@code ON CONFLICT DO NOTHING},
 * {@code INSERT OR IGNORE}, {@code INSERT IGNORE}), or on H2, which has none, a plain insert under a savepoint that a
 * taken key rolls back to.
 */
final class UniqueInsert {

    private final JdbcDialect dialect;
    private final String sql;

    /** The insert into the columns of a table, comma-separated, whose key is {@code keyColumn}. */
    UniqueInsert(JdbcDialect dialect, String table, String columns, String keyColumn) {
        this.dialect = dialect;
        String placeholders = String.join(", ", Collections.nCopies(columns.split(",").length, "?"));
        String values = " (" + columns + ") VALUES (" + placeholders + ")";
        this.sql = switch (dialect) {
            case POSTGRESQL -> "INSERT INTO " + table + values + " ON CONFLICT (" + keyColumn + ") DO NOTHING";
            case SQLITE -> "INSERT OR IGNORE INTO " + table + values;
            case MYSQL -> "INSERT IGNORE INTO " + table + values;
            case H2 -> "INSERT INTO " + table + values;
        };
    }

    /** Inserts the row of the values, in the columns' order, on the connection; returns whether it was inserted. */
    boolean insert(Connection connection, Object... values) throws SQLException {
        if (dialect != JdbcDialect.H2) {
            return execute(connection, values);
        }
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            return execute(connection, values);
        } catch (SQLException e) {
            if (!dialect.isUniqueViolation(e)) {
                throw e;
            }
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            return false;
        }
    }

    private boolean execute(Connection connection, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate() == 1;
        }
    }
}
