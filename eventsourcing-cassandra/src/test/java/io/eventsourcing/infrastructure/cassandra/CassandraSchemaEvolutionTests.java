package io.eventsourcing.infrastructure.cassandra;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.testing.AbstractSchemaEvolutionTests;

/** Schema evolution on a real single-node Cassandra 5.0. */
class CassandraSchemaEvolutionTests extends AbstractSchemaEvolutionTests {

    /** How many stores this test has made: each gets tables of its own, the same in every test. */
    private int stores;

    @Override
    protected ActiveRecordStrategy createStore() {
        return SingleNodeStores.emptyStore("evolution_" + ++stores);
    }
}
