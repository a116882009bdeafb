package io.eventsourcing.infrastructure.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.projection.Generation;
import io.eventsourcing.projection.Handler;
import io.eventsourcing.projection.Projection;
import io.eventsourcing.projection.ProjectionSettings;
import io.eventsourcing.projection.Projections;
import io.eventsourcing.testing.AbstractSchemaEvolutionTests;
import io.eventsourcing.testing.JdbcStores;
import io.eventsourcing.testing.TestDatabase;
import io.eventsourcing.testing.evolution.Account;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** Schema evolution on every database, and a projection of the upcast events. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class JdbcSchemaEvolutionTests extends AbstractSchemaEvolutionTests {

    private static final AtomicInteger POSITIONS_TABLES = new AtomicInteger();

    @Parameter
    TestDatabase database;

    @Override
    protected ActiveRecordStrategy createStore() {
        return JdbcStores.newStore(database, SequencedItemTable.SEQUENCED_ITEMS);
    }

    /** A projection that keeps the events of accounts it is handed, in order. */
    @Projection("accounts")
    static class AccountEvents {

        final List<DomainEvent> events = new CopyOnWriteArrayList<>();

        @Handler
        void on(Account.Opened opened) {
            events.add(opened);
        }

        @Handler
        void on(Account.Deposited deposited, Generation generation) {
            events.add(deposited);
        }
    }

    @Test
    void aProjectionIsHandedTheEventsUpcast() {
        DataSource dataSource = JdbcStores.dataSource(database);
        JdbcProjectionPositions positions = new JdbcProjectionPositions(dataSource,
                "evolution_positions_" + POSITIONS_TABLES.incrementAndGet(), new JdbcTransactionManager(dataSource));
        FlywaySchemaMigration.forProjections(dataSource, positions).migrate();
        AccountEvents projection = new AccountEvents();

        try (Projections projections = new Projections(currentEventStore(), positions, List.of(projection),
                new ProjectionSettings(10, Duration.ofSeconds(5), Duration.ofMillis(20)), "evolution")) {
            projections.start();
            await().untilAsserted(() -> assertThat(projection.events).containsExactlyElementsOf(upcastEvents()));
        }
    }
}
