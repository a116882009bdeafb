package io.eventsourcing.infrastructure.cassandra;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.testing.AbstractEventStoreTests;

/** The event store's contract on a real single-node Cassandra 5.0. */
class CassandraEventStoreContractTests extends AbstractEventStoreTests {

    @Override
    protected ActiveRecordStrategy createStore() {
        return SingleNodeStores.emptyStore("contract_events");
    }
}
