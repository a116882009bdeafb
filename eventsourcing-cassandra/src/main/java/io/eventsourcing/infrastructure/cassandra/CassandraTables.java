package io.eventsourcing.infrastructure.cassandra;

import io.eventsourcing.infrastructure.InvalidSettingException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keyspace and the base name of a store's five tables: {@code <table>} (the items, partitioned by sequence
 * and bucket), {@code <table>_buckets} (the buckets of each sequence), {@code <table>_log} (every item in
 * storage order, by minute), {@code <table>_log_buckets} (the minutes of the log) and {@code <table>_data_keys}
 * (the data subjects' keys, {@link CassandraDataKeyStore}).
 * <p>
 * Names are plain identifiers (lower-case letters, digits and underscores, starting with a letter), so that no
 * CQL can be injected through configuration; the base name leaves room for the longest suffix within
 * Cassandra's 48 characters.
 *
 * @param keyspace the keyspace that holds the tables
 * @param table the base name of the tables
 */
public record CassandraTables(String keyspace, String table) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");
    private static final int MAX_KEYSPACE_LENGTH = 48;
    private static final int MAX_TABLE_LENGTH = 48 - "_log_buckets".length();

    public CassandraTables {
        requireIdentifier("keyspace", keyspace, MAX_KEYSPACE_LENGTH);
        requireIdentifier("table", table, MAX_TABLE_LENGTH);
    }

    /** The default tables, {@code sequenced_items*}, in a keyspace. */
    public static CassandraTables sequencedItems(String keyspace) {
        return new CassandraTables(keyspace, "sequenced_items");
    }

    /** The default tables of snapshots, {@code snapshots*}, in a keyspace. */
    public static CassandraTables snapshots(String keyspace) {
        return new CassandraTables(keyspace, "snapshots");
    }

    String items() {
        return keyspace + "." + table;
    }

    String buckets() {
        return items() + "_buckets";
    }

    String log() {
        return items() + "_log";
    }

    String logBuckets() {
        return items() + "_log_buckets";
    }

    String dataKeys() {
        return items() + "_data_keys";
    }

    /** A keyspace's name, checked to be a plain identifier. */
    static String requireKeyspace(String keyspace) {
        requireIdentifier("keyspace", keyspace, MAX_KEYSPACE_LENGTH);
        return keyspace;
    }

    /** The names as placeholders of the library's CQL files. */
    Map<String, String> placeholders() {
        return Map.of("keyspace", keyspace, "table", table);
    }

    private static void requireIdentifier(String name, String value, int maxLength) {
        if (value == null || value.length() > maxLength || !IDENTIFIER.matcher(value).matches()) {
            throw new InvalidSettingException(name, name + " must be a plain identifier of at most " + maxLength
                    + " lower-case letters, digits and underscores, starting with a letter; was '" + value + "'");
        }
    }
}
