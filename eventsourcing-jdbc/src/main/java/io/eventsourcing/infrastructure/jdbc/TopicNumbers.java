package io.eventsourcing.infrastructure.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The numbers by which the rows of a table of sequenced items name their topics, kept in {@code <table>_topics}.
 * A topic is numbered in the transaction of the first append of its events, by an insert that does nothing when a
 * concurrent append numbered it first (on H2, which has no such insert, under a savepoint).
 * <p>
 * Numbers are cached only as committed: a topic's number once its transaction has committed, a number's topic when
 * read outside a transaction. A rolled-back numbering leaves no trace in the cache, where SQLite may give its number
 * to another topic. Thread-safe.
 */
final class TopicNumbers {

    private static final int MAX_TOPIC_LENGTH = 255;

    private final String topicsTable;
    private final UniqueInsert insert;
    private final String selectNumber;
    private final String selectAll;
    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
    private final Map<Integer, String> topics = new ConcurrentHashMap<>();

    TopicNumbers(SequencedItemTable table, JdbcDialect dialect) {
        this.topicsTable = table.table() + "_topics";
        this.insert = new UniqueInsert(dialect, topicsTable, "topic", "topic");
        this.selectNumber = dialect.lockingRead("SELECT id FROM " + topicsTable + " WHERE topic = ?");
        this.selectAll = "SELECT id, topic FROM " + topicsTable;
    }

    /** The committed number of a topic, or {@code null} if it has none yet or its numbering is not known committed. */
    @Nullable Integer committedNumber(String topic) {
        return numbers.get(topic);
    }

    /**
     * The number of a topic for an append in the connection's transaction, numbering the topic in it if it has no
     * number yet.
     *
     * @throws IllegalArgumentException if the topic is longer than the table holds
     */
    int numberForAppend(Connection connection, String topic) throws SQLException {
        Integer known = numbers.get(topic);
        if (known != null) {
            return known;
        }
        if (topic.length() > MAX_TOPIC_LENGTH) {
            throw new IllegalArgumentException("The topic " + topic + " has " + topic.length() + " characters, more than"
                    + " the " + MAX_TOPIC_LENGTH + " that " + topicsTable + " holds: give its class a shorter"
                    + " @EventTopic; nothing was stored");
        }
        insert.insert(connection, topic);
        int number;
        try (PreparedStatement statement = connection.prepareStatement(selectNumber)) {
            statement.setString(1, topic);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("Numbering the topic " + topic + " in " + topicsTable
                            + " found it taken, then no row for it");
                }
                number = row.getInt(1);
            }
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember(number, topic);
                }
            });
        } else if (connection.getAutoCommit()) {
            remember(number, topic);
        }
        return number;
    }

    /** The topic of a number, read from {@code <table>_topics} on the connection when it is not cached; null if none. */
    @Nullable String topicOf(Connection connection, int number) throws SQLException {
        String topic = topics.get(number);
        if (topic != null) {
            return topic;
        }
        Map<Integer, String> stored = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(selectAll);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                stored.put(rows.getInt(1), rows.getString(2));
            }
        }
        if (connection.getAutoCommit()) {
            stored.forEach(this::remember);
        }
        return stored.get(number);
    }

    private void remember(int number, String topic) {
        numbers.put(topic, number);
        topics.put(number, topic);
    }
}
