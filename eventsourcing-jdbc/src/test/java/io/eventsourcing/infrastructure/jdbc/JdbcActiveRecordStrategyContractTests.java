package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.testing.AbstractActiveRecordStrategyTests;
import io.eventsourcing.testing.JdbcStores;
import io.eventsourcing.testing.TestDatabase;
import java.util.stream.Stream;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The active record strategy contract on every database, with both of the seed's schemas. */
@ParameterizedClass(name = "{0}, {1}")
@MethodSource("io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategyContractTests#databasesAndTables")
class JdbcActiveRecordStrategyContractTests extends AbstractActiveRecordStrategyTests {

    @Parameter(0)
    TestDatabase database;

    @Parameter(1)
    String tableName;

    static Stream<Arguments> databasesAndTables() {
        return Stream.of(TestDatabase.values()).flatMap(database -> Stream.of(
                Arguments.of(database, SequencedItemTable.SEQUENCED_ITEMS.table()),
                Arguments.of(database, SequencedItemTable.STORED_EVENTS.table())));
    }

    @Override
    protected ActiveRecordStrategy createStore() {
        return JdbcStores.newStore(database, tableName.equals(SequencedItemTable.STORED_EVENTS.table())
                ? SequencedItemTable.STORED_EVENTS : SequencedItemTable.SEQUENCED_ITEMS);
    }
}
