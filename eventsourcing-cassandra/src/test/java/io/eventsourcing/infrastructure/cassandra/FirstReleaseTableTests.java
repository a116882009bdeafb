package io.eventsourcing.infrastructure.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.testing.FirstReleaseData;
import io.eventsourcing.testing.FirstReleaseData.Noted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A table of the first release, whose data column is text, keeps working without a migration: its rows read back,
 * and new events, encrypted ones among them, are stored beside them and read back.
 */
class FirstReleaseTableTests {

    @Test
    void aTableWithATextDataColumnReadsItsRowsAndTakesNewOnes() {
        CassandraTables tables = new CassandraTables(SingleNodeStores.KEYSPACE, "first_release_items");
        CqlSession session = SingleNodeStores.session();
        for (String statement : CassandraSchema.statements(tables)) {
            session.execute(statement.replace("data blob", "data text"));
        }
        UUID id = UUID.randomUUID();
        List<String> rows = FirstReleaseData.rows();
        for (int position = 0; position < rows.size(); position++) {
            session.execute("INSERT INTO " + tables.items() + " (sequence_id, bucket, position, topic, data, stored_at)"
                    + " VALUES (?, 0, ?, ?, ?, ?)", id, (long) position, FirstReleaseData.TOPIC, rows.get(position),
                    (long) position + 1);
        }
        session.execute("INSERT INTO " + tables.buckets() + " (sequence_id, bucket) VALUES (?, 0)", id);

        EventStore eventStore = new EventStore(new CassandraActiveRecordStrategy(session, tables),
                FirstReleaseData.mapper());
        Noted after = new Noted(id, rows.size(), Instant.parse("2026-12-03T12:00:00Z"), "written after the upgrade");
        eventStore.append(after);

        List<Noted> expected = new ArrayList<>(FirstReleaseData.events(id));
        expected.add(after);
        assertThat(eventStore.getDomainEvents(id)).containsExactlyElementsOf(expected);
        assertThat(session.execute("SELECT data FROM " + tables.items() + " WHERE sequence_id = ? AND bucket = 0"
                + " AND position = ?", id, (long) rows.size()).one().getString("data")).startsWith("~");
    }
}
