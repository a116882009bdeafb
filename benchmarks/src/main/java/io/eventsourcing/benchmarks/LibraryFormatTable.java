package io.eventsourcing.benchmarks;

import io.eventsourcing.benchmarks.AccountChange.Deposit;
import io.eventsourcing.benchmarks.AccountChange.Opening;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The library's table and format, written and read by hand: {@code sequenced_items(id, sequence_id, position,
 * topic, data)}, the topic the number of the event's class name in {@code sequenced_items_topics} and the data the
 * bytes of its JSON without the sequence id and position, its timestamp in microseconds. The library reads these rows
 * as its own.
 */
final class LibraryFormatTable implements EventTable {

    private static final String OPENED = Account.Opened.class.getName();
    private static final String DEPOSITED = Account.Deposited.class.getName();

    /** The stored JSON of {@link Account.Opened}. */
    record OpenedData(long timestamp, String owner, String note) {
    }

    /** The stored JSON of {@link Account.Deposited}. */
    record DepositedData(long timestamp, long amount, String note) {
    }

    private final ObjectWriter openedWriter;
    private final ObjectWriter depositedWriter;
    private final ObjectReader openedReader;
    private final ObjectReader depositedReader;
    private volatile int @Nullable [] topicNumbers;

    LibraryFormatTable(JsonMapper jsonMapper) {
        this.openedWriter = jsonMapper.writerFor(OpenedData.class);
        this.depositedWriter = jsonMapper.writerFor(DepositedData.class);
        this.openedReader = jsonMapper.readerFor(OpenedData.class);
        this.depositedReader = jsonMapper.readerFor(DepositedData.class);
    }

    @Override
    public String name() {
        return "sequenced_items";
    }

    @Override
    public String insert() {
        return "INSERT INTO sequenced_items (sequence_id, position, topic, data) VALUES (?, ?, ?, ?)";
    }

    @Override
    public String selectHistory() {
        return "SELECT position, topic, data FROM sequenced_items WHERE sequence_id = ? AND position >= ?"
                + " ORDER BY position";
    }

    @Override
    public String selectPage() {
        return "SELECT id, sequence_id, position, topic, data FROM sequenced_items WHERE id > ? ORDER BY id LIMIT ?";
    }

    @Override
    public void bindChange(PreparedStatement insert, int index, long version, AccountChange change)
            throws SQLException {
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        if (change instanceof Opening opening) {
            insert.setInt(index, topicNumbers(insert.getConnection())[0]);
            insert.setBytes(index + 1, openedWriter.writeValueAsBytes(
                    new OpenedData(micros, opening.owner(), opening.note())));
        } else {
            Deposit deposit = (Deposit) change;
            insert.setInt(index, topicNumbers(insert.getConnection())[1]);
            insert.setBytes(index + 1, depositedWriter.writeValueAsBytes(
                    new DepositedData(micros, deposit.amount(), deposit.note())));
        }
    }

    @Override
    public AccountChange readChange(ResultSet rows, int column, long version) throws SQLException {
        int topic = rows.getInt(column);
        int[] numbers = topicNumbers(rows.getStatement().getConnection());
        if (topic == numbers[0]) {
            OpenedData opened = openedReader.readValue(rows.getBytes(column + 1));
            return new Opening(opened.owner(), opened.note());
        }
        if (topic == numbers[1]) {
            DepositedData deposited = depositedReader.readValue(rows.getBytes(column + 1));
            return new Deposit(deposited.amount(), deposited.note());
        }
        throw new IllegalStateException("Unexpected topic number " + topic);
    }

    /** The numbers of the two topics, numbered on first use as the library numbers them. */
    private int[] topicNumbers(Connection connection) throws SQLException {
        int[] numbers = topicNumbers;
        if (numbers == null) {
            synchronized (this) {
                numbers = topicNumbers;
                if (numbers == null) {
                    numbers = new int[] {topicNumber(connection, OPENED), topicNumber(connection, DEPOSITED)};
                    topicNumbers = numbers;
                }
            }
        }
        return numbers;
    }

    private static int topicNumber(Connection connection, String topic) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM sequenced_items_topics WHERE topic = ?")) {
            select.setString(1, topic);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return row.getInt(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sequenced_items_topics (topic) VALUES (?)")) {
                insert.setString(1, topic);
                insert.executeUpdate();
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
