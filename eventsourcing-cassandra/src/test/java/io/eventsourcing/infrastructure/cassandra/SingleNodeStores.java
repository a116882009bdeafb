package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import io.eventsourcing.testing.cassandra.SharedCassandra;
import java.time.Duration;
import java.util.List;

/**
 * Stores on the test JVM's single Cassandra node: one session and one keyspace for all tests, and an empty
 * store for each test (its tables truncated).
 */
final class SingleNodeStores {

    static final String KEYSPACE = "eventsourcing_test";

    /**
     * The settle time of the stores: short, since a read of the log right after an append waits for it, and yet
     * its half, the time an append may take, is twice the longest append seen in the races here on two busy
     * cores (about 1 s, when a stall of the node adds to the usual 250 ms at most).
     */
    static final Duration SETTLE_TIME = Duration.ofSeconds(4);

    private static CqlSession session;

    private SingleNodeStores() {
    }

    static synchronized CqlSession session() {
        if (session == null) {
            session = TestSessions.connect(List.of(SharedCassandra.node().contactPoint()));
            new CassandraSchema(session).createKeyspace(KEYSPACE, 1);
            Runtime.getRuntime().addShutdownHook(new Thread(session::close));
        }
        return session;
    }

    /** A store on empty tables named after {@code table}, created if need be. */
    static CassandraActiveRecordStrategy emptyStore(String table) {
        CassandraTables tables = new CassandraTables(KEYSPACE, table);
        CqlSession session = session();
        new CassandraSchema(session).createTables(tables);
        for (String name : List.of(tables.items(), tables.buckets(), tables.log(), tables.logBuckets(),
                tables.dataKeys())) {
            session.execute("TRUNCATE " + name);
        }
        return new CassandraActiveRecordStrategy(session, tables, CassandraConsistency.DEFAULT, SETTLE_TIME);
    }
}
