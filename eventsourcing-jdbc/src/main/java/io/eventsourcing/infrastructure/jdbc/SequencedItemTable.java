package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.infrastructure.InvalidSettingException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The names of a table of sequenced items and of its columns. Besides these, the table has an
 * auto-increment primary key {@code id} that gives the order in which items were stored.
 * <p>
 * Every name must be a plain identifier (lower-case letters, digits and underscores, starting with a
 * letter or underscore), so that no SQL can be injected through configuration.
 *
 * @param table the table
 * @param sequenceIdColumn the column of the sequence id (a UUID)
 * @param positionColumn the column of the position (a 64-bit integer)
 * @param topicColumn the column of the topic
 * @param dataColumn the column of the event data
 */
public record SequencedItemTable(String table, String sequenceIdColumn, String positionColumn,
                                 String topicColumn, String dataColumn) {

    // Declared before the constants below, whose construction uses them.
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final int MAX_TABLE_LENGTH = 48;
    private static final int MAX_COLUMN_LENGTH = 63;

    /** The seed's default schema: {@code sequenced_items(sequence_id, position, topic, data)}. */
    public static final SequencedItemTable SEQUENCED_ITEMS =
            new SequencedItemTable("sequenced_items", "sequence_id", "position", "topic", "data");

    /** The seed's alternative: {@code stored_events(aggregate_id, aggregate_version, event_type, state)}. */
    public static final SequencedItemTable STORED_EVENTS =
            new SequencedItemTable("stored_events", "aggregate_id", "aggregate_version", "event_type", "state");

    /** The default table of snapshots, in the default schema's shape. */
    public static final SequencedItemTable SNAPSHOTS =
            new SequencedItemTable("snapshots", "sequence_id", "position", "topic", "data");

    public SequencedItemTable {
        requireIdentifier("table", table, MAX_TABLE_LENGTH);
        requireIdentifier("sequenceIdColumn", sequenceIdColumn, MAX_COLUMN_LENGTH);
        requireIdentifier("positionColumn", positionColumn, MAX_COLUMN_LENGTH);
        requireIdentifier("topicColumn", topicColumn, MAX_COLUMN_LENGTH);
        requireIdentifier("dataColumn", dataColumn, MAX_COLUMN_LENGTH);
    }

    /** The names as Flyway placeholders for the library's migrations. */
    Map<String, String> placeholders() {
        return Map.of("table", table, "sequence_id", sequenceIdColumn, "position", positionColumn,
                "topic", topicColumn, "data", dataColumn);
    }

    private static void requireIdentifier(String name, String value, int maxLength) {
        if (value == null || value.length() > maxLength || !IDENTIFIER.matcher(value).matches()) {
            throw new InvalidSettingException(name, name + " must be a plain identifier of at most " + maxLength
                    + " lower-case letters, digits and underscores, starting with a letter or underscore; was '"
                    + value + "'");
        }
    }
}
