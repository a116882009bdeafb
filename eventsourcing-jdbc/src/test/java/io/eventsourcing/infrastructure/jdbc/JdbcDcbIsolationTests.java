package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.infrastructure.jdbc.JdbcDcbEventStoreContractTests.DcbStores;
import io.eventsourcing.testing.AbstractDcbEventStoreTests;
import io.eventsourcing.testing.JdbcStores;
import io.eventsourcing.testing.TestDatabase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DCB event store contract where the connection pool gives every transaction a stricter isolation than the
 * database's default: the races still end with exactly one winner. (SQLite's transactions are serializable anyway.)
 */
@ParameterizedClass(name = "{0}, {1}")
@CsvSource({"POSTGRESQL, TRANSACTION_REPEATABLE_READ", "POSTGRESQL, TRANSACTION_SERIALIZABLE",
        "MARIADB, TRANSACTION_READ_COMMITTED", "MARIADB, TRANSACTION_SERIALIZABLE",
        "H2, TRANSACTION_REPEATABLE_READ", "H2, TRANSACTION_SERIALIZABLE"})
class JdbcDcbIsolationTests extends AbstractDcbEventStoreTests {

    private static final Map<String, DataSource> DATA_SOURCES = new ConcurrentHashMap<>();

    @Parameter(0)
    TestDatabase database;

    @Parameter(1)
    String isolation;

    @Override
    protected Stores createStores() {
        DataSource dataSource = DATA_SOURCES.computeIfAbsent(database + " " + isolation,
                key -> database.newConnectionDetails().newDataSource(isolation));
        return DcbStores.create(JdbcStores.newStore(dataSource, SequencedItemTable.SEQUENCED_ITEMS));
    }

    @Override
    protected int raceRounds() {
        return 3;
    }
}
