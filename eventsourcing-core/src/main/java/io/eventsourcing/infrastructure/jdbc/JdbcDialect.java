package io.eventsourcing.infrastructure.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What differs between the supported databases: how a UUID is stored, how a unique violation is
 * reported, and where the library's migrations for the database live.
 */
public enum JdbcDialect {

    /** H2: native UUID; unique violation SQLState 23505. */
    H2("h2", true) {
        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }
    },

    /** SQLite: UUID as text; unique violation error code 19 (SQLITE_CONSTRAINT) with no SQLState. */
    SQLITE("sqlite", false) {
        @Override
        boolean isUniqueViolation(SQLException e) {
            return e.getErrorCode() == 19 && e.getMessage() != null && e.getMessage().contains("UNIQUE");
        }
    },

    /** PostgreSQL: native uuid; unique violation SQLState 23505. */
    POSTGRESQL("postgresql", true) {
        @Override
        boolean isUniqueViolation(SQLException e) {
            return "23505".equals(e.getSQLState());
        }
    },

    /** MariaDB and MySQL: UUID as CHAR(36); unique violation error code 1062. */
    MYSQL("mysql", false) {
        @Override
        boolean isUniqueViolation(SQLException e) {
            return e.getErrorCode() == 1062;
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
        return false;
    }

    abstract boolean isUniqueViolation(SQLException e);

    void setUuid(PreparedStatement statement, int index, UUID uuid) throws SQLException {
        if (nativeUuid) {
            statement.setObject(index, uuid);
        } else {
            statement.setString(index, uuid.toString());
        }
    }

    UUID getUuid(ResultSet resultSet, int index) throws SQLException {
        return nativeUuid ? resultSet.getObject(index, UUID.class) : UUID.fromString(resultSet.getString(index));
    }
}
