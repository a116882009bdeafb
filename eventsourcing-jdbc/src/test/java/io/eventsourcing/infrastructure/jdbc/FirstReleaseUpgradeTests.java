package io.eventsourcing.infrastructure.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.PositionedEvent;
import io.eventsourcing.testing.FirstReleaseData;
import io.eventsourcing.testing.FirstReleaseData.Noted;
import io.eventsourcing.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database of the first release, its table of text data and its rows written the old way, reads back after the
 * library's migrations have made the data column bytes, and takes new events beside them.
 */
class FirstReleaseUpgradeTests {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rowsOfTheFirstReleaseReadBackAfterTheUpgradeBesideNewOnes(TestDatabase database) {
        DataSource dataSource = database.newDatabase();
        JdbcDialect dialect = JdbcDialect.of(dataSource);
        FlywaySchemaMigration migration = new FlywaySchemaMigration(dataSource, SequencedItemTable.SEQUENCED_ITEMS,
                dialect);
        migration.configuration().target("1").load().migrate();
        UUID id = UUID.randomUUID();
        List<String> rows = FirstReleaseData.rows();
        for (int position = 0; position < rows.size(); position++) {
            insertAsText(dataSource, dialect, id, position, rows.get(position));
        }

        assertThat(migration.migrate()).isEqualTo(3);

        EventStore eventStore = new EventStore(new JdbcActiveRecordStrategy(dataSource), FirstReleaseData.mapper());
        Noted after = new Noted(id, rows.size(), Instant.parse("2026-12-03T12:00:00Z"), "written after the upgrade");
        eventStore.append(after);
        List<Noted> expected = new ArrayList<>(FirstReleaseData.events(id));
        expected.add(after);
        assertThat(eventStore.getDomainEvents(id)).containsExactlyElementsOf(expected);
        assertThat(eventStore.getAllDomainEvents().map(PositionedEvent::event)).containsExactlyElementsOf(expected);
    }

    private static void insertAsText(DataSource dataSource, JdbcDialect dialect, UUID id, long position, String data) {
        new JdbcTemplate(dataSource).update("INSERT INTO sequenced_items (sequence_id, position, topic, data)"
                + " VALUES (?, ?, ?, ?)", statement -> {
                    dialect.setUuid(statement, 1, id);
                    statement.setLong(2, position);
                    statement.setString(3, FirstReleaseData.TOPIC);
                    statement.setString(4, data);
                });
    }
}
