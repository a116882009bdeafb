package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.jdbc.FlywaySchemaMigration;
import io.eventsourcing.infrastructure.jdbc.JdbcDialect;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates or upgrades the tables of stored events and snapshots, those that index tagged events, and those of data
 * subjects' keys, when the bean is initialized, with the library's Flyway migrations for the database in use, each
 * under its own history table ({@code <table>_schema_history}, {@code <table>_dcb_history},
 * {@code <table>_keys_history}).
 * <p>
 * Spring Boot's database initialization knows it as an initializer: it runs after the application's own
 * initializers (Flyway, Liquibase, SQL scripts), and the event store and repositories wait for it.
 */
public class EventSourcingSchemaInitializer implements InitializingBean {

    private final DataSource dataSource;
    private final List<SequencedItemTable> tables;
    private final List<SequencedItemTable> taggedEventTables;
    private final List<SequencedItemTable> subjectKeyTables;

    public EventSourcingSchemaInitializer(DataSource dataSource, List<SequencedItemTable> tables) {
        this(dataSource, tables, List.of());
    }

    /**
     * @param tables the tables of stored events and snapshots
     * @param taggedEventTables those of the tables that also hold tagged events, whose index tables are created too
     */
    public EventSourcingSchemaInitializer(DataSource dataSource, List<SequencedItemTable> tables,
                                          List<SequencedItemTable> taggedEventTables) {
        this(dataSource, tables, taggedEventTables, List.of());
    }

    /**
     * @param tables the tables of stored events and snapshots
     * @param taggedEventTables those of the tables that also hold tagged events, whose index tables are created too
     * @param subjectKeyTables those of the tables whose data subjects' keys are kept beside them, in a table created
     *        too
     */
    public EventSourcingSchemaInitializer(DataSource dataSource, List<SequencedItemTable> tables,
                                          List<SequencedItemTable> taggedEventTables,
                                          List<SequencedItemTable> subjectKeyTables) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.tables = List.copyOf(tables);
        this.taggedEventTables = List.copyOf(taggedEventTables);
        this.subjectKeyTables = List.copyOf(subjectKeyTables);
    }

    @Override
    public void afterPropertiesSet() {
        JdbcDialect dialect = JdbcDialect.of(dataSource);
        for (SequencedItemTable table : tables) {
            new FlywaySchemaMigration(dataSource, table, dialect).migrate();
        }
        for (SequencedItemTable table : taggedEventTables) {
            FlywaySchemaMigration.forDcb(dataSource, table, dialect).migrate();
        }
        for (SequencedItemTable table : subjectKeyTables) {
            FlywaySchemaMigration.forDataKeys(dataSource, table, dialect).migrate();
        }
    }
}
