package io.eventsourcing.sample;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.codec.AESCipher;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.JdbcDataKeyStore;
import io.eventsourcing.infrastructure.shredding.SubjectKeys;
import io.eventsourcing.sample.domain.Example;
import io.eventsourcing.testing.ConnectionDetails;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One row of the sample's events table, {@code sequenced_items}, as the crash test reads it straight from the
 * database, its personal data decrypted with the data keys stored beside it.
 *
 * @param position its position in its sequence
 * @param foo the foo in its data: an example's events have one; null for an aggregate's events
 */
record StoredRow(long position, @Nullable String foo) {

    /** How many data keys the reader keeps unwrapped. */
    private static final int KEY_CACHE_SIZE = 1000;

    /**
     * Every row of the table, by sequence id, each sequence in order of position.
     *
     * @param masterKey the master key that the application wrapped the data keys under
     */
    static Map<UUID, List<StoredRow>> readAll(ConnectionDetails database, String masterKey) throws Exception {
        DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
        SequencedItemMapper mapper = SequencedItemMapper.builder().subjectKeys(new SubjectKeys(
                new JdbcDataKeyStore(new JdbcActiveRecordStrategy(dataSource)), AESCipher.fromBase64(masterKey),
                KEY_CACHE_SIZE)).build();
        Map<UUID, List<StoredRow>> sequences = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT i.sequence_id, i.position, t.topic, i.data FROM"
                        + " sequenced_items i JOIN sequenced_items_topics t ON t.id = i.topic"
                        + " ORDER BY i.sequence_id, i.position")) {
            while (rows.next()) {
                UUID sequenceId = rows.getObject("sequence_id", UUID.class);
                long position = rows.getLong("position");
                DomainEvent event = mapper.fromSequencedItem(new SequencedItem(sequenceId, position,
                        rows.getString("topic"), rows.getBytes("data")));
                sequences.computeIfAbsent(sequenceId, id -> new ArrayList<>())
                        .add(new StoredRow(position, fooOf(event)));
            }
        }
        return sequences;
    }

    private static @Nullable String fooOf(DomainEvent event) {
        if (event instanceof Example.Created created) {
            return created.foo();
        }
        return event instanceof Example.FooChanged changed ? changed.foo() : null;
    }
}
