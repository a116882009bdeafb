package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.infrastructure.DataIntegrityException;
import io.eventsourcing.infrastructure.SequencedItem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Reads the sequenced items of a table from its rows, their topics from their numbers.
 *
 * @throws DataIntegrityException from each method, if a row's topic number names no topic
 */
record ItemRows(SequencedItemTable table, JdbcDialect dialect, TopicNumbers topics) {

    /** The item in the first four columns of a row: sequence id, position, topic number, data. */
    SequencedItem item(Connection connection, ResultSet row) throws SQLException {
        return item(connection, row, dialect.uuid(row, 1), 2);
    }

    /** The item of a known sequence in the first three columns of a row: position, topic number, data. */
    SequencedItem item(Connection connection, ResultSet row, UUID sequenceId) throws SQLException {
        return item(connection, row, sequenceId, 1);
    }

    private SequencedItem item(Connection connection, ResultSet row, UUID sequenceId, int column) throws SQLException {
        long position = row.getLong(column);
        int topicNumber = row.getInt(column + 1);
        String topic = topics.topicOf(connection, topicNumber);
        if (topic == null) {
            throw new DataIntegrityException("The item of sequence " + sequenceId + " at position " + position + " in "
                    + table.table() + " names its topic by the number " + topicNumber + ", which " + table.table()
                    + "_topics does not hold");
        }
        return new SequencedItem(sequenceId, position, topic, row.getBytes(column + 2));
    }
}
