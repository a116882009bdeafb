package io.eventsourcing.infrastructure.jdbc;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Creates a table of sequenced items with the library's Flyway migrations for the database in use.
 * <p>
 * The migrations run under a history table of their own, {@code <table>_schema_history}, so that they
 * live beside an application's own Flyway migrations without clashing, and so that several tables
 * (events, snapshots) can each be created with their own names.
 */
public final class FlywaySchemaMigration {

    private final DataSource dataSource;
    private final SequencedItemTable table;
    private final JdbcDialect dialect;

    public FlywaySchemaMigration(DataSource dataSource, SequencedItemTable table, JdbcDialect dialect) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Objects.requireNonNull(table, "table");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /** Creates or upgrades the table; returns the number of migrations applied. */
    public int migrate() {
        return configuration().load().migrate().migrationsExecuted;
    }

    /** The Flyway configuration of these migrations. */
    FluentConfiguration configuration() {
        return Flyway.configure(FlywaySchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(dialect.migrationsLocation())
                .table(historyTable())
                .placeholders(table.placeholders())
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .cleanDisabled(true);
    }

    /** The Flyway history table of these migrations. */
    public String historyTable() {
        return table.table() + "_schema_history";
    }
}
