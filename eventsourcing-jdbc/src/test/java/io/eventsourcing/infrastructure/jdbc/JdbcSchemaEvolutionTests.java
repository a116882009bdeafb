package io.eventsourcing.infrastructure.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventsourcing.dcb.DcbEventStore;
import io.eventsourcing.dcb.Query;
import io.eventsourcing.dcb.QueryItem;
import io.eventsourcing.dcb.QueryResult;
import io.eventsourcing.dcb.StoredTaggedEvent;
import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.EventTopic;
import io.eventsourcing.domain.SchemaVersion;
import io.eventsourcing.domain.TaggedEvent;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.ClassTopicResolver;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.UpcastingMigration;
import io.eventsourcing.infrastructure.upcasting.Upcaster;
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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** Schema evolution on every database, with a projection and the DCB store reading the upcast events. */
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

    /** A course as the first release stored it. */
    @EventTopic("course.Defined")
    record FirstCourseDefined(String courseId, int capacity, Instant timestamp) implements TaggedEvent {
        @Override
        public Set<String> tags() {
            return Set.of("course:" + courseId);
        }
    }

    /** A course as the current release stores it: its capacity renamed. */
    @EventTopic("course.Defined")
    @SchemaVersion(2)
    record CourseDefined(String courseId, int maxStudents, Instant timestamp) implements TaggedEvent {
        @Override
        public Set<String> tags() {
            return Set.of("course:" + courseId);
        }
    }

    @Test
    void theDcbStoreFindsEveryVersionOfATypeAndReadsItUpcast() {
        JdbcActiveRecordStrategy items = JdbcStores.newStore(database, SequencedItemTable.SEQUENCED_ITEMS);
        FlywaySchemaMigration.forDcb(items.dataSource(), items.getTable(), items.getDialect()).migrate();
        Instant first = Instant.parse("2025-01-01T08:00:00Z");
        Instant second = Instant.parse("2026-12-03T08:00:00Z");
        new JdbcDcbEventStore(items, SequencedItemMapper.builder()
                .topicResolver(new ClassTopicResolver(List.of(FirstCourseDefined.class))).build())
                .append(List.of(new FirstCourseDefined("c1", 30, first)));
        SequencedItemMapper mapper = SequencedItemMapper.builder()
                .topicResolver(new ClassTopicResolver(List.of(CourseDefined.class)))
                .upcasters(List.of(Upcaster.of("course.Defined", 1,
                        json -> json.set("maxStudents", json.remove("capacity")))))
                .build();
        DcbEventStore current = new JdbcDcbEventStore(items, mapper);
        current.append(List.of(new CourseDefined("c1", 40, second)));

        QueryResult result = current.read(Query.of(QueryItem.ofTypes(CourseDefined.class).withTags("course:c1")));

        assertThat(result.events()).extracting(StoredTaggedEvent::event)
                .containsExactly(new CourseDefined("c1", 30, first), new CourseDefined("c1", 40, second));
        assertThatThrownBy(() -> new UpcastingMigration(items, createStore(), mapper, 10).copyAfter(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds a tagged event of the DCB store")
                .hasMessageContaining("nothing after storage position 0 was copied");
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
