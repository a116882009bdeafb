package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import java.util.Objects;

/**
 * The consistency levels of a store's statements. Immutable.
 *
 * @param consistency of reads, of the writes that precede an append, and of the commit of its lightweight
 *         transaction; QUORUM or LOCAL_QUORUM lets a read see every append that succeeded before it
 * @param serialConsistency of the Paxos round of an append's lightweight transaction: SERIAL (linearizable
 *         across data centres) or LOCAL_SERIAL (within the local one)
 */
public record CassandraConsistency(ConsistencyLevel consistency, ConsistencyLevel serialConsistency) {

    /** LOCAL_QUORUM and SERIAL. */
    public static final CassandraConsistency DEFAULT =
            new CassandraConsistency(DefaultConsistencyLevel.LOCAL_QUORUM, DefaultConsistencyLevel.SERIAL);

    public CassandraConsistency {
        Objects.requireNonNull(consistency, "consistency");
        Objects.requireNonNull(serialConsistency, "serialConsistency");
        if (consistency.isSerial()) {
            throw new IllegalArgumentException("consistency must not be a serial level, was " + consistency
                    + " (give it as the serial consistency)");
        }
        if (!serialConsistency.isSerial()) {
            throw new IllegalArgumentException("serialConsistency must be SERIAL or LOCAL_SERIAL, was "
                    + serialConsistency);
        }
    }
}
