package io.eventsourcing.infrastructure.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.StoreUnavailableException;
import io.eventsourcing.testing.JdbcStores;
import io.eventsourcing.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the JDBC store adds to the contract: names, dialects, transactions, schema and failures. */
class JdbcActiveRecordStrategyTest {

    @ParameterizedTest
    @ValueSource(strings = {"items; DROP TABLE users", "Items", "1items", "items--", "a b", ""})
    void tableAndColumnNamesMustBePlainIdentifiers(String name) {
        assertThatThrownBy(() -> new SequencedItemTable(name, "sequence_id", "position", "topic", "data"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("table must be a plain identifier");
        assertThatThrownBy(() -> new SequencedItemTable("items", "sequence_id", name, "topic", "data"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("positionColumn must be a plain identifier");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dialectIsDetectedFromTheDatabase(TestDatabase database) {
        JdbcDialect expected = switch (database) {
            case H2 -> JdbcDialect.H2;
            case SQLITE -> JdbcDialect.SQLITE;
            case POSTGRESQL -> JdbcDialect.POSTGRESQL;
            case MARIADB -> JdbcDialect.MYSQL;
        };
        assertThat(JdbcDialect.of(JdbcStores.dataSource(database))).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void appendJoinsTheCallersTransactionAndRollsBackWithIt(TestDatabase database) {
        JdbcActiveRecordStrategy store = JdbcStores.newStore(database, SequencedItemTable.SEQUENCED_ITEMS);
        UUID id = UUID.randomUUID();
        TransactionTemplate transaction = new TransactionTemplate(
                new JdbcTransactionManager(JdbcStores.dataSource(database)));

        transaction.executeWithoutResult(status -> {
            store.append(new SequencedItem(id, 0, "test.Topic", "{}".getBytes(UTF_8)));
            store.append(new SequencedItem(id, 1, "test.Topic", "{}".getBytes(UTF_8)));
            assertThat(store.getItems(id)).hasSize(2);
            status.setRollbackOnly();
        });

        assertThat(store.getItems(id)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void migrationsLiveBesideTheApplicationsOwn(TestDatabase database) {
        DataSource dataSource = database.newDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/app").load().migrate();
        FlywaySchemaMigration migration = new FlywaySchemaMigration(dataSource, SequencedItemTable.SEQUENCED_ITEMS,
                JdbcDialect.of(dataSource));

        assertThat(migration.migrate()).isEqualTo(4);
        assertThat(migration.migrate()).isZero();

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_table", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sequenced_items", Integer.class)).isZero();
        assertThat(Flyway.configure().dataSource(dataSource).table(migration.historyTable()).load().info().applied())
                .extracting(info -> info.getVersion().getVersion()).containsExactly("0", "1", "2", "3", "4");
        assertThat(Flyway.configure().dataSource(dataSource).locations("classpath:db/app").load().info().applied())
                .extracting(info -> info.getDescription()).containsExactly("create app table");
    }

    @Test
    void aPostgresqlTableWithoutTheNotificationLogsMigrationIsRefusedNamingIt() {
        DataSource dataSource = TestDatabase.POSTGRESQL.newDatabase();
        new FlywaySchemaMigration(dataSource, SequencedItemTable.SEQUENCED_ITEMS, JdbcDialect.POSTGRESQL)
                .configuration().target("2").load().migrate();

        assertThatThrownBy(() -> new JdbcActiveRecordStrategy(dataSource))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sequenced_items lacks the library's migration V3__notification_log")
                .hasMessageContaining("postgresql/V3__notification_log.sql");

        new FlywaySchemaMigration(dataSource, SequencedItemTable.SEQUENCED_ITEMS, JdbcDialect.POSTGRESQL).migrate();
        assertThat(new JdbcActiveRecordStrategy(dataSource).getStoredItems(0, 1)).isEmpty();
    }

    @Test
    void failedConnectionNamesTheOperationAndSequence() {
        DataSource unreachable = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "user", "secret");
        JdbcActiveRecordStrategy store = new JdbcActiveRecordStrategy(unreachable, SequencedItemTable.SEQUENCED_ITEMS,
                JdbcDialect.POSTGRESQL, new JdbcTransactionManager(unreachable));
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> store.append(List.of(new SequencedItem(id, 3, "test.Topic", "{}".getBytes(UTF_8)))))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("did nothing: the database cannot be reached")
                .hasMessageContaining(id.toString())
                .hasMessageContaining("position 3")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> store.getItems(id))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(id.toString());
    }
}
