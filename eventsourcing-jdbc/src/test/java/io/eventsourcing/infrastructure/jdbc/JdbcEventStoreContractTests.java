package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.testing.AbstractEventStoreTests;
import io.eventsourcing.testing.JdbcStores;
import io.eventsourcing.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The event store contract on every database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JdbcEventStoreContractTests extends AbstractEventStoreTests {

    @Parameter
    TestDatabase database;

    @Override
    protected ActiveRecordStrategy createStore() {
        return JdbcStores.newStore(database, SequencedItemTable.SEQUENCED_ITEMS);
    }
}
