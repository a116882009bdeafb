package io.eventsourcing.infrastructure.jdbc;

import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Creates a table of sequenced items, the tables beside it that index its tagged events or hold its data subjects'
 * keys, or the table of projection positions, with the library's Flyway migrations for the database in use.
 * <p>
 * The migrations run under a history table of their own, {@code <table>_schema_history}, so that they
 * live beside an application's own Flyway migrations without clashing, and so that several tables
 * (events, snapshots) can each be created with their own names.
 */
public final class FlywaySchemaMigration {

    private static final String HISTORY = "_schema_history";

    private final DataSource dataSource;
    private final String location;
    private final String historyTable;
    private final Map<String, String> placeholders;

    /** The migrations of a table of sequenced items on a database of the given dialect. */
    public FlywaySchemaMigration(DataSource dataSource, SequencedItemTable table, JdbcDialect dialect) {
        this(dataSource, dialect.migrationsLocation(), table.table() + HISTORY, table.placeholders());
    }

    private FlywaySchemaMigration(DataSource dataSource, String location, String historyTable,
                                  Map<String, String> placeholders) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.location = location;
        this.historyTable = historyTable;
        this.placeholders = placeholders;
    }

    /** The migrations of the table of projection positions (the same on every database). */
    public static FlywaySchemaMigration forProjections(DataSource dataSource, JdbcProjectionPositions positions) {
        return new FlywaySchemaMigration(dataSource, "classpath:db/eventsourcing-projections",
                positions.table() + HISTORY, Map.of("table", positions.table()));
    }

    /**
     * The migrations of the tables beside a table of sequenced items that index its tagged events
     * ({@link JdbcDcbEventStore}), under the history table {@code <table>_dcb_history}.
     */
    public static FlywaySchemaMigration forDcb(DataSource dataSource, SequencedItemTable table, JdbcDialect dialect) {
        return new FlywaySchemaMigration(dataSource, "classpath:db/eventsourcing-dcb",
                table.table() + "_dcb_history", Map.of("table", table.table(), "exact_text", dialect.exactTextType()));
    }

    /**
     * The migrations of the table of data subjects' keys beside a table of sequenced items ({@link JdbcDataKeyStore}),
     * under the history table {@code <table>_keys_history}.
     */
    public static FlywaySchemaMigration forDataKeys(DataSource dataSource, SequencedItemTable table,
                                                    JdbcDialect dialect) {
        return new FlywaySchemaMigration(dataSource, "classpath:db/eventsourcing-keys", table.table() + "_keys_history",
                Map.of("table", table.table(), "key_bytes", dialect.shortBytesType()));
    }

    /** Creates or upgrades the table; returns the number of migrations applied. */
    public int migrate() {
        return configuration().load().migrate().migrationsExecuted;
    }

    /** The Flyway configuration of these migrations. */
    FluentConfiguration configuration() {
        return Flyway.configure(FlywaySchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(location)
                .table(historyTable())
                .placeholders(placeholders)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .cleanDisabled(true);
    }

    /** The Flyway history table of these migrations. */
    public String historyTable() {
        return historyTable;
    }
}
