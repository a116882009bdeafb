package io.eventsourcing.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** How to reach one test database: JDBC URL, user and password. */
public record ConnectionDetails(String url, String username, String password) {

    /** A HikariCP pool (max 10 connections) of this database; close it when done. */
    public HikariDataSource newDataSource() {
        return new HikariDataSource(config());
    }

    /**
     * A HikariCP pool (max 10 connections) of this database whose connections have a transaction isolation, such
     * as {@code TRANSACTION_SERIALIZABLE}; close it when done.
     */
    public HikariDataSource newDataSource(String transactionIsolation) {
        HikariConfig config = config();
        config.setTransactionIsolation(transactionIsolation);
        return new HikariDataSource(config);
    }

    private HikariConfig config() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        return config;
    }

    /** Runs one statement on a connection of its own. */
    void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(url, username, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql + " on " + url, e);
        }
    }
}
