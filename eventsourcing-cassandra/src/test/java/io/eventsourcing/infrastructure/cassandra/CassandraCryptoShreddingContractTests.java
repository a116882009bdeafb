package io.eventsourcing.infrastructure.cassandra;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.shredding.DataKeyStore;
import io.eventsourcing.testing.AbstractCryptoShreddingTests;

/** Crypto-shredding on a real single-node Cassandra 5.0. */
class CassandraCryptoShreddingContractTests extends AbstractCryptoShreddingTests {

    @Override
    protected ActiveRecordStrategy createStore() {
        return SingleNodeStores.emptyStore("shredding_events");
    }

    /** Another table: a store's tables are truncated by the next store of their name. */
    @Override
    protected ActiveRecordStrategy createCopyStore() {
        return SingleNodeStores.emptyStore("shredding_copy");
    }

    /** Snapshots are positioned by timestamp, which the store keeps in buckets of a day. */
    @Override
    protected ActiveRecordStrategy createSnapshotStore() {
        return SingleNodeStores.emptyStore("shredding_snapshots");
    }

    @Override
    protected DataKeyStore createDataKeyStore(ActiveRecordStrategy events) {
        return new CassandraDataKeyStore((CassandraActiveRecordStrategy) events);
    }
}
