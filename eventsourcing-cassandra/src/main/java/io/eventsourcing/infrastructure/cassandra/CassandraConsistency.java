package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.Statement;
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

    /** A lightweight transaction at these levels, which the driver must not repeat. */
    <S extends Statement<S>> S conditional(S statement) {
        return statement.setConsistencyLevel(consistency).setSerialConsistencyLevel(serialConsistency)
                .setIdempotent(false);
    }

    /** A read, or a write that may be repeated without harm, at these levels. */
    <S extends Statement<S>> S idempotent(S statement) {
        return statement.setConsistencyLevel(consistency).setIdempotent(true);
    }
}
