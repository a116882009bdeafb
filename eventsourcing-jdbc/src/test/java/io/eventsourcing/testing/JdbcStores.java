package io.eventsourcing.testing;

import io.eventsourcing.infrastructure.jdbc.FlywaySchemaMigration;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.JdbcDialect;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * JDBC stores on the test databases: one database per engine and JVM, and a new table, created by the
 * library's migrations, for every store.
 */
public final class JdbcStores {

    private static final Map<TestDatabase, DataSource> DATABASES = new ConcurrentHashMap<>();
    private static final AtomicInteger TABLES = new AtomicInteger();

    private JdbcStores() {
    }

    /** The shared database of an engine. */
    public static DataSource dataSource(TestDatabase database) {
        return DATABASES.computeIfAbsent(database, TestDatabase::newDatabase);
    }

    /** A new, empty table named after the given one's table, with its column names. */
    public static JdbcActiveRecordStrategy newStore(TestDatabase database, SequencedItemTable names) {
        return newStore(dataSource(database), names);
    }

    /** A new, empty table in the database behind a data source, named after the given one's table. */
    public static JdbcActiveRecordStrategy newStore(DataSource dataSource, SequencedItemTable names) {
        SequencedItemTable table = new SequencedItemTable(names.table() + "_" + TABLES.incrementAndGet(),
                names.sequenceIdColumn(), names.positionColumn(), names.topicColumn(), names.dataColumn());
        JdbcDialect dialect = JdbcDialect.of(dataSource);
        new FlywaySchemaMigration(dataSource, table, dialect).migrate();
        return new JdbcActiveRecordStrategy(dataSource, table);
    }
}
