package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.domain.PersonalDataForgotten;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.PositionRange;
import io.eventsourcing.infrastructure.cassandra.CassandraActiveRecordStrategy;
import io.eventsourcing.infrastructure.cassandra.CassandraConsistency;
import io.eventsourcing.infrastructure.cassandra.CassandraDataKeyStore;
import io.eventsourcing.infrastructure.cassandra.CassandraTables;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.JdbcProjectionPositions;
import io.eventsourcing.infrastructure.shredding.DataSubjects;
import io.eventsourcing.projection.Handler;
import io.eventsourcing.projection.Projection;
import io.eventsourcing.projection.Projections;
import io.eventsourcing.quickstart.Member;
import io.eventsourcing.testing.cassandra.SharedCassandra;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import static org.awaitility.Awaitility.await;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The auto-configuration on a real single-node Cassandra 5.0, configured by Spring Boot's
 * {@code spring.cassandra.*} properties as an application would be; each test in a keyspace of its own.
 */
class CassandraEventSourcingTests {

    /** The keyspace of most tests, created by the first; its tables too. Schema changes take seconds each. */
    private static final String KEYSPACE = "autoconfigured_events";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CassandraAutoConfiguration.class, DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class);

    /** The runner on the shared node, with a keyspace that the library creates if need be. */
    private ApplicationContextRunner onCassandra() {
        InetSocketAddress node = SharedCassandra.node().contactPoint();
        return contextRunner.withPropertyValues(
                "spring.cassandra.contact-points=" + node.getHostString() + ":" + node.getPort(),
                "spring.cassandra.local-datacenter=datacenter1",
                "spring.cassandra.keyspace-name=" + KEYSPACE,
                "spring.cassandra.connection.connect-timeout=30s",
                "spring.cassandra.connection.init-query-timeout=30s",
                "spring.cassandra.request.timeout=30s",
                "eventsourcing.cassandra.create-keyspace=true");
    }

    @Test
    void aCqlSessionSwitchesTheStoreToCassandraOnProtocolV4AtDefaultConsistency() {
        onCassandra().run(context -> {
            assertThat(context).hasSingleBean(CassandraActiveRecordStrategy.class)
                    .hasSingleBean(CassandraSchemaInitializer.class)
                    .doesNotHaveBean(JdbcActiveRecordStrategy.class)
                    .doesNotHaveBean(EventSourcingSchemaInitializer.class);

            Counter counter = Counter.create("on cassandra");
            counter.increment();
            RepositoryBeans.save(context, counter);

            assertThat(RepositoryBeans.of(context, Counter.class).get(counter.getId()).getCount()).isEqualTo(1);
            CassandraActiveRecordStrategy store = context.getBean(CassandraActiveRecordStrategy.class);
            assertThat(store.getTables()).isEqualTo(new CassandraTables(KEYSPACE, "sequenced_items"));
            assertThat(store.getSettleTime()).isEqualTo(CassandraActiveRecordStrategy.DEFAULT_SETTLE_TIME);
            assertThat(store.getItems(counter.getId())).hasSize(2);
            StoreInspector inspector = new StoreInspector(store, null);
            assertThat(inspector.description()).isEqualTo(new StoreDescription("cassandra", "Apache Cassandra",
                    KEYSPACE, "sequenced_items"));
            assertThat(inspector.countEvents()).as("not counted: Cassandra would read every event").isEmpty();
            assertThat(context.getBean(CassandraConsistency.class)).isEqualTo(CassandraConsistency.DEFAULT);
            assertThat(context.getBean(CqlSession.class).getContext().getProtocolVersion())
                    .isEqualTo(DefaultProtocolVersion.V4);
        });
    }

    @Test
    void cryptoShreddingKeepsTheKeysInCassandra() {
        onCassandra().withPropertyValues("eventsourcing.crypto-shredding.enabled=true",
                "eventsourcing.cipher.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                // Tables of its own: the other tests read the log without the keys.
                "eventsourcing.cassandra.table=shredded_items").run(context -> {
            assertThat(context).hasSingleBean(CassandraDataKeyStore.class);
            EventStore eventStore = context.getBean(EventStore.class);
            Member member = Member.join("Ada on Cassandra");
            new EventSourcedRepository<>(eventStore, Mutator.ofEntityClass(Member.class),
                    context.getBean(EventBus.class)).save(member);

            context.getBean(DataSubjects.class).forget(member.getId());

            assertThat(context.getBean(CassandraDataKeyStore.class).find(member.getId()))
                    .hasValueSatisfying(row -> assertThat(row.forgotten()).isTrue());
            assertThat(eventStore.getDomainEvents(member.getId(), PositionRange.all().gte(1)))
                    .singleElement().isInstanceOf(PersonalDataForgotten.class);
        });
    }

    @Test
    void theCassandraStoreNeedsNoJdbcModule() {
        onCassandra().withClassLoader(new FilteredClassLoader(JdbcActiveRecordStrategy.class)).run(context -> {
            assertThat(context).hasSingleBean(CassandraActiveRecordStrategy.class)
                    .doesNotHaveBean(EventSourcingSchemaInitializer.class);
            Counter counter = RepositoryBeans.save(context, Counter.create("without jdbc"));
            assertThat(RepositoryBeans.of(context, Counter.class).get(counter.getId()).getName())
                    .isEqualTo("without jdbc");
        });
    }

    @Test
    void projectionsReadTheCassandraLogAndKeepTheirPositionsInTheDataSource() {
        onCassandra().withBean(CreatedCounters.class).run(context -> {
            assertThat(context).hasSingleBean(CassandraActiveRecordStrategy.class).hasSingleBean(Projections.class);
            Counter counter = RepositoryBeans.save(context, Counter.create("projected from cassandra"));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(context.getBean(CreatedCounters.class).names()).contains(counter.getName()));
        });
    }

    @Test
    void projectionsWithoutADataSourceFailTheStartup() {
        onCassandra().withBean(CreatedCounters.class)
                .withClassLoader(new FilteredClassLoader(JdbcActiveRecordStrategy.class, JdbcProjectionPositions.class))
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("Invalid property eventsourcing.projections.enabled: the @Projection beans")
                        .hasStackTraceContaining("CreatedCounters] would never run"));
    }

    /** Keeps the names of the counters created, in memory. */
    @Projection("created-counters")
    static class CreatedCounters {

        private final List<String> names = new CopyOnWriteArrayList<>();

        @Handler
        void on(Counter.Created event) {
            names.add(event.name());
        }

        List<String> names() {
            return names;
        }
    }

    @Test
    void theStorePropertyChoosesTheStore() {
        // An existing keyspace: the library creates none for a JDBC store, and the application's session opens it.
        onCassandra().withPropertyValues("eventsourcing.store=jdbc", "spring.cassandra.keyspace-name=system").run(context ->
                assertThat(context).hasSingleBean(JdbcActiveRecordStrategy.class)
                        .doesNotHaveBean(CassandraActiveRecordStrategy.class)
                        .doesNotHaveBean(CassandraSchemaInitializer.class));
        onCassandra().withPropertyValues("eventsourcing.store=cassandra").run(context ->
                assertThat(context).hasSingleBean(CassandraActiveRecordStrategy.class)
                        .doesNotHaveBean(JdbcActiveRecordStrategy.class));
        onCassandra().withPropertyValues("spring.cassandra.keyspace-name=system")
                .withClassLoader(new FilteredClassLoader(CassandraActiveRecordStrategy.class)).run(context ->
                assertThat(context).hasSingleBean(JdbcActiveRecordStrategy.class));
    }

    @Test
    void withoutTheCassandraDriverTheStoreIsTheDataSource() {
        contextRunner.withClassLoader(new FilteredClassLoader("com.datastax")).run(context ->
                assertThat(context).hasSingleBean(JdbcActiveRecordStrategy.class)
                        .doesNotHaveBean(CassandraSchemaInitializer.class));
    }

    @Test
    void theApplicationsSessionWaitsForTheKeyspaceItNamesToBeCreated() {
        onCassandra().withPropertyValues("spring.cassandra.keyspace-name=created_before_the_session",
                "eventsourcing.snapshots.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            String[] sessions = context.getBeanFactory().getBeanNamesForType(CqlSession.class);
            String[] initializers = context.getBeanFactory().getBeanNamesForType(CassandraSchemaInitializer.class);
            assertThat(Arrays.stream(sessions).flatMap(session ->
                    Arrays.stream(context.getBeanFactory().getBeanDefinition(session).getDependsOn())))
                    .contains(initializers);
            assertThat(Arrays.stream(context.getBeanFactory().getBeanNamesForType(ActiveRecordStrategy.class))
                    .flatMap(store -> Arrays.stream(context.getBeanFactory().getBeanDefinition(store).getDependsOn())))
                    .contains(initializers);
        });
    }

    @Test
    void consistencyLevelsComeFromSpringCassandraProperties() {
        onCassandra().withPropertyValues("spring.cassandra.request.consistency=quorum",
                "spring.cassandra.request.serial-consistency=local-serial").run(context ->
                assertThat(context.getBean(CassandraConsistency.class)).isEqualTo(new CassandraConsistency(
                        DefaultConsistencyLevel.QUORUM, DefaultConsistencyLevel.LOCAL_SERIAL)));
    }

    @Test
    void theSettleTimeOfTheLogComesFromItsProperty() {
        onCassandra().withPropertyValues("eventsourcing.cassandra.settle-time=3s").run(context ->
                assertThat(context.getBean(CassandraActiveRecordStrategy.class).getSettleTime())
                        .isEqualTo(Duration.ofSeconds(3)));
    }

    @Test
    void theDriverIsLeftToNegotiateTheProtocolWhenAsked() {
        onCassandra().withPropertyValues("eventsourcing.cassandra.use-protocol-v4=false").run(context ->
                assertThat(context.getBean(CqlSession.class).getContext().getProtocolVersion())
                        .isEqualTo(DefaultProtocolVersion.V5));
    }

    @Test
    void snapshotsGoToTablesOfTheirOwn() {
        onCassandra().run(context -> {
            Counter counter = Counter.create("snapshotted");
            counter.increment();
            RepositoryBeans.save(context, counter);
            RepositoryBeans.of(context, Counter.class).takeSnapshot(counter.getId());

            CqlSession session = context.getBean(CqlSession.class);
            assertThat(session.execute("SELECT * FROM snapshots WHERE sequence_id = ? ALLOW FILTERING",
                    counter.getId()).all()).hasSize(1);
            assertThat(RepositoryBeans.of(context, Counter.class).get(counter.getId()).getCount()).isEqualTo(1);
        });
    }

    @Test
    void badSettingsFailNamingTheirProperty() {
        onCassandra().withPropertyValues("spring.cassandra.keyspace-name=").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("Invalid property eventsourcing.cassandra.keyspace: must name"));
        onCassandra().withPropertyValues("eventsourcing.cassandra.table=Bad-Name").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("Invalid property eventsourcing.cassandra.table: table must be a plain"));
        onCassandra().withPropertyValues("eventsourcing.cassandra.replication-factor=0").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("Invalid property eventsourcing.cassandra.replication-factor: "
                                + "replicationFactor must be at least 1"));
        onCassandra().withPropertyValues("eventsourcing.cassandra.settle-time=0s").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("Invalid property eventsourcing.cassandra.settle-time: "
                                + "settleTime must be positive"));
    }
}
