package io.eventsourcing.infrastructure.cassandra;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.testing.EventStoreContractTest;

/** The event store's contract on a real single-node Cassandra 5.0. */
class CassandraEventStoreContractTests extends EventStoreContractTest {

    @Override
    protected ActiveRecordStrategy createStore() {
        return SingleNodeStores.emptyStore("contract_events");
    }
}
