package io.eventsourcing.autoconfigure;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What holds the events and where, as the Actuator endpoint shows it and the metrics tag it.
 *
 * @param kind {@code jdbc}, {@code cassandra}, or the simple class name of another store
 * @param database the database and its version, such as {@code PostgreSQL 17.11}; null if unknown
 * @param schema the schema of the table (on Cassandra its keyspace); null if unknown
 * @param table the table of the events (on Cassandra the base name of its tables); null if unknown
 */
public record StoreDescription(String kind, @Nullable String database, @Nullable String schema,
                               @Nullable String table) {

    public StoreDescription {
        Objects.requireNonNull(kind, "kind");
    }

    /** The store's name in the metrics' tags: its table, or its kind if the table is unknown. */
    public String name() {
        return table != null ? table : kind;
    }
}
