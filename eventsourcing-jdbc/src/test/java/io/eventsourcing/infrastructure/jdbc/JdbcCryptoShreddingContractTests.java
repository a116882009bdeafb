package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.shredding.DataKeyStore;
import io.eventsourcing.testing.AbstractCryptoShreddingTests;
import io.eventsourcing.testing.JdbcStores;
import io.eventsourcing.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Crypto-shredding on every database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JdbcCryptoShreddingContractTests extends AbstractCryptoShreddingTests {

    @Parameter
    TestDatabase database;

    @Override
    protected ActiveRecordStrategy createStore() {
        return JdbcStores.newStore(database, SequencedItemTable.SEQUENCED_ITEMS);
    }

    @Override
    protected ActiveRecordStrategy createSnapshotStore() {
        return JdbcStores.newStore(database, SequencedItemTable.SNAPSHOTS);
    }

    @Override
    protected DataKeyStore createDataKeyStore(ActiveRecordStrategy events) {
        JdbcActiveRecordStrategy strategy = (JdbcActiveRecordStrategy) events;
        FlywaySchemaMigration.forDataKeys(strategy.dataSource(), strategy.getTable(), strategy.getDialect()).migrate();
        return new JdbcDataKeyStore(strategy);
    }
}
