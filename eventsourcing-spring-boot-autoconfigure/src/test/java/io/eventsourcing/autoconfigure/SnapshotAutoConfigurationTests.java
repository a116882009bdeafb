package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.snapshot.SnapshotPolicy;
import io.eventsourcing.infrastructure.snapshot.SnapshotStrategy;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

class SnapshotAutoConfigurationTests {

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZg==";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class);

    private static EventSourcedRepository<Counter> counters(ApplicationContext context) {
        return RepositoryBeans.of(context, Counter.class);
    }

    /** A counter created, then incremented, each event saved on its own. */
    private static Counter counterWithIncrements(ApplicationContext context, int increments) {
        Counter counter = RepositoryBeans.save(context, Counter.create("snapshotted"));
        for (int i = 0; i < increments; i++) {
            counter.increment();
            counters(context).save(counter);
        }
        return counter;
    }

    @Test
    void snapshotsAreOnDemandOnlyByDefaultInTheirOwnTable() {
        contextRunner.run(context -> {
            assertThat(context).hasSingleBean(SnapshotStrategy.class).hasSingleBean(SnapshotPolicy.class);
            DataSource dataSource = context.getBean(DataSource.class);
            Counter counter = counterWithIncrements(context, 5);

            assertThat(counters(context).get(counter.getId()).getCount()).isEqualTo(5);
            assertThat(StoredRows.count(dataSource, "snapshots")).isZero();

            counters(context).takeSnapshot(counter.getId());
            assertThat(StoredRows.count(dataSource, "snapshots")).isEqualTo(1);
            assertThat(StoredRows.tableExists(dataSource, "snapshots_schema_history")).isTrue();
        });
    }

    @Test
    void periodTakesSnapshotsAutomatically() {
        contextRunner.withPropertyValues("eventsourcing.snapshots.period=3").run(context -> {
            DataSource dataSource = context.getBean(DataSource.class);
            Counter counter = counterWithIncrements(context, 4);

            assertThat(counters(context).get(counter.getId()).getVersion()).isEqualTo(5);
            assertThat(StoredRows.count(dataSource, "snapshots")).isEqualTo(1);
            assertThat(counters(context).get(counter.getId()).getCount()).isEqualTo(4);
            assertThat(StoredRows.count(dataSource, "snapshots")).isEqualTo(1);

            counter.increment();
            counters(context).save(counter);
            assertThat(counters(context).get(counter.getId()).getVersion()).isEqualTo(6);
            assertThat(StoredRows.count(dataSource, "snapshots")).isEqualTo(2);
        });
    }

    @Test
    void snapshotsAreEncryptedWhenACipherIsConfigured() {
        contextRunner.withPropertyValues("eventsourcing.cipher.key=" + KEY).run(context -> {
            Counter counter = RepositoryBeans.save(context, Counter.create("very secret name"));
            counters(context).takeSnapshot(counter.getId());

            assertThat(StoredRows.data(context.getBean(DataSource.class), "snapshots"))
                    .singleElement().asString().doesNotContain("secret");
            assertThat(counters(context).get(counter.getId()).getName()).isEqualTo("very secret name");
        });
    }

    @Test
    void snapshotTableNameComesFromProperties() {
        contextRunner.withPropertyValues("eventsourcing.snapshots.table=counter_snapshots").run(context -> {
            Counter counter = RepositoryBeans.save(context, Counter.create("renamed"));
            counters(context).takeSnapshot(counter.getId());

            assertThat(StoredRows.count(context.getBean(DataSource.class), "counter_snapshots")).isEqualTo(1);
        });
    }

    @Test
    void disabledSnapshotsLeaveNoTableAndNoStrategy() {
        contextRunner.withPropertyValues("eventsourcing.snapshots.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(SnapshotStrategy.class);
            assertThat(StoredRows.tableExists(context.getBean(DataSource.class), "snapshots")).isFalse();
            Counter counter = counterWithIncrements(context, 1);
            assertThat(counters(context).get(counter.getId()).getCount()).isEqualTo(1);
        });
    }

    @Test
    void negativePeriodFailsStartupNamingTheProperty() {
        contextRunner.withPropertyValues("eventsourcing.snapshots.period=-1").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasRootCauseMessage("Invalid property eventsourcing.snapshots.period: must be 0 (off) or more,"
                                + " was -1"));
    }
}
