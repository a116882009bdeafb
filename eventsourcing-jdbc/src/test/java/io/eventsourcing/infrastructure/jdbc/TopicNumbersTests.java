package io.eventsourcing.infrastructure.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.infrastructure.DataIntegrityException;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.StoredItem;
import io.eventsourcing.testing.Race;
import io.eventsourcing.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Rows name their topics by numbers of {@code <table>_topics}: numbered once, exactly, and never from a rollback. */
class TopicNumbersTests {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void topicsThatDifferInCaseOrTrailingSpacesAreNumberedApartAndReadBackExactly(TestDatabase database) {
        DataSource dataSource = database.newDatabase();
        JdbcActiveRecordStrategy store = newStore(dataSource);
        UUID id = UUID.randomUUID();
        List<String> topics = List.of("shop.Ordered", "shop.ordered", "shop.Ordered ", "shop.Ördered");

        for (int position = 0; position < topics.size(); position++) {
            store.append(new SequencedItem(id, position, topics.get(position), "{}".getBytes(UTF_8)));
        }

        assertThat(store.getItems(id)).extracting(SequencedItem::topic).containsExactlyElementsOf(topics);
        assertThat(new JdbcActiveRecordStrategy(dataSource).getStoredItems(0, 10)).extracting(StoredItem::item)
                .extracting(SequencedItem::topic).containsExactlyElementsOf(topics);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sequenced_items_topics", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT topic) FROM sequenced_items", Integer.class))
                .isEqualTo(4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTopicNumberedInARolledBackTransactionNamesNothingAfterwards(TestDatabase database) {
        DataSource dataSource = database.newDatabase();
        JdbcActiveRecordStrategy store = newStore(dataSource);
        TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        UUID rolledBack = UUID.randomUUID();

        transaction.executeWithoutResult(status -> {
            store.append(new SequencedItem(rolledBack, 0, "shop.Abandoned", "{}".getBytes(UTF_8)));
            assertThat(store.getItems(rolledBack)).extracting(SequencedItem::topic).containsExactly("shop.Abandoned");
            status.setRollbackOnly();
        });
        UUID kept = UUID.randomUUID();
        store.append(new SequencedItem(kept, 0, "shop.Kept", "{}".getBytes(UTF_8)));
        store.append(new SequencedItem(kept, 1, "shop.Kept", "{}".getBytes(UTF_8)));

        assertThat(store.getItems(rolledBack)).isEmpty();
        assertThat(store.getItems(kept)).extracting(SequencedItem::topic).containsExactly("shop.Kept", "shop.Kept");
        assertThat(newStore(dataSource).getItems(kept))
                .extracting(SequencedItem::topic).containsExactly("shop.Kept", "shop.Kept");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void writersThatFirstUseATopicTogetherAllStoreTheirItemsUnderOneNumber(TestDatabase database) {
        DataSource dataSource = database.newDatabase();
        JdbcActiveRecordStrategy store = newStore(dataSource);
        List<UUID> ids = Stream.generate(UUID::randomUUID).limit(4).toList();
        ExecutorService writers = Executors.newFixedThreadPool(ids.size());
        try {
            Race.of(ids, id -> {
                store.append(List.of(new SequencedItem(id, 0, "shop.Opened", "{}".getBytes(UTF_8)),
                        new SequencedItem(id, 1, "shop.Opened", "{}".getBytes(UTF_8))));
                return id;
            }, writers);
        } finally {
            writers.shutdownNow();
        }

        for (UUID id : ids) {
            assertThat(store.getItems(id)).extracting(SequencedItem::topic)
                    .containsExactly("shop.Opened", "shop.Opened");
        }
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM sequenced_items_topics",
                Integer.class)).isOne();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTopicLongerThanTheTableHoldsIsRefusedNamingItAndNothingIsStored(TestDatabase database) {
        DataSource dataSource = database.newDatabase();
        JdbcActiveRecordStrategy store = newStore(dataSource);
        UUID id = UUID.randomUUID();
        String topic = "shop." + "x".repeat(251);

        assertThatThrownBy(() -> store.append(List.of(new SequencedItem(id, 0, "shop.Opened", "{}".getBytes(UTF_8)),
                new SequencedItem(id, 1, topic, "{}".getBytes(UTF_8)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The topic " + topic + " has 256 characters, more than the 255 that"
                        + " sequenced_items_topics holds");
        assertThat(store.getItems(id)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRowWhoseTopicNumberIsUnknownFailsToReadNamingTheNumber(TestDatabase database) {
        DataSource dataSource = database.newDatabase();
        JdbcActiveRecordStrategy store = newStore(dataSource);
        UUID id = UUID.randomUUID();
        store.append(new SequencedItem(id, 0, "shop.Opened", "{}".getBytes(UTF_8)));
        new JdbcTemplate(dataSource).update("UPDATE sequenced_items SET topic = 999");

        assertThatThrownBy(() -> store.getItems(id))
                .isInstanceOf(DataIntegrityException.class)
                .hasMessage("The item of sequence " + id + " at position 0 in sequenced_items names its topic by the"
                        + " number 999, which sequenced_items_topics does not hold");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTableWithoutTheTopicNumbersMigrationIsRefusedNamingIt(TestDatabase database) {
        DataSource dataSource = database.newDatabase();
        JdbcDialect dialect = JdbcDialect.of(dataSource);
        FlywaySchemaMigration migration = new FlywaySchemaMigration(dataSource, SequencedItemTable.SEQUENCED_ITEMS,
                dialect);
        migration.configuration().target("3").load().migrate();

        assertThatThrownBy(() -> new JdbcActiveRecordStrategy(dataSource))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sequenced_items lacks the library's migration V4__topic_numbers")
                .hasMessageEndingWith(dialect.migrationsLocation().substring("classpath:".length())
                        + "/V4__topic_numbers.sql yourself");

        migration.migrate();
        assertThat(new JdbcActiveRecordStrategy(dataSource).getStoredItems(0, 1)).isEmpty();
    }

    /** A store of {@code sequenced_items} in the database, the table created. */
    private static JdbcActiveRecordStrategy newStore(DataSource dataSource) {
        new FlywaySchemaMigration(dataSource, SequencedItemTable.SEQUENCED_ITEMS, JdbcDialect.of(dataSource)).migrate();
        return new JdbcActiveRecordStrategy(dataSource);
    }
}
