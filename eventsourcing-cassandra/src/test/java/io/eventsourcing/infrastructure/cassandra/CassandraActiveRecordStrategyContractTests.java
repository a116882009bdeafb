package io.eventsourcing.infrastructure.cassandra;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.testing.AbstractActiveRecordStrategyTests;

/** The storage contract on a real single-node Cassandra 5.0. */
class CassandraActiveRecordStrategyContractTests extends AbstractActiveRecordStrategyTests {

    @Override
    protected ActiveRecordStrategy createStore() {
        return SingleNodeStores.emptyStore("contract_items");
    }
}
