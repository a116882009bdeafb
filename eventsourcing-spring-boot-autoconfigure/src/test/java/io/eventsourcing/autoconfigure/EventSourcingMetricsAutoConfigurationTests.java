package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.DataIntegrityException;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.projection.Projections;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class EventSourcingMetricsAutoConfigurationTests {

    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZg==";
    private static final String OTHER_KEY = "ZmVkY2JhOTg3NjU0MzIxMA==";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, EventSourcingAutoConfiguration.class,
                    ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                    EventSourcingMetricsAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class, ObservationsConfiguration.class);

    /** Keeps every observation that stops, as a tracer would make a span of it. */
    @Configuration(proxyBeanMethods = false)
    static class ObservationsConfiguration {

        @Bean
        RecordedObservations recordedObservations() {
            return new RecordedObservations();
        }
    }

    static final class RecordedObservations implements ObservationHandler<Observation.Context> {

        final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

        @Override
        public void onStop(Observation.Context context) {
            stopped.add(context);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }

    @Test
    void timesCountsAndObservesAppendsAndLoadsByStoreAndEntityTypeNeverById() {
        contextRunner.withPropertyValues("eventsourcing.snapshots.period=3").run(context -> {
            assertThat(context).hasSingleBean(ObservedRepositories.class);
            EventSourcedRepository<Counter> counters = RepositoryBeans.of(context, Counter.class);
            Counter counter = Counter.create("clicks");
            counter.increment();
            counters.save(counter);
            counters.get(counter.getId()); // replays 2 events
            counter.increment();
            counters.save(counter); // version 3: a snapshot is taken
            counters.get(counter.getId()); // starts from the snapshot, replays none

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            String[] tags = {"store", "sequenced_items", "entity.type", "Counter"};
            assertThat(meters.get("eventsourcing.append").tags(tags).timer().count()).isEqualTo(2);
            assertThat(meters.get("eventsourcing.append.events").tags(tags).summary().totalAmount()).isEqualTo(3);
            assertThat(meters.get("eventsourcing.load").tags(tags).timer().count()).isEqualTo(2);
            assertThat(meters.get("eventsourcing.load.events").tags(tags).summary().totalAmount()).isEqualTo(2);
            assertThat(meters.get("eventsourcing.snapshot.hits").tags(tags).counter().count()).isOne();
            assertThat(meters.get("eventsourcing.append.conflicts").tags(tags).counter().count()).isZero();
            assertThat(meters.getMeters()).flatExtracting(meter -> meter.getId().getTags()).extracting(Tag::getValue)
                    .doesNotContain(counter.getId().toString());

            List<Observation.Context> observed = context.getBean(RecordedObservations.class).stopped;
            assertThat(observed).extracting(Observation.Context::getName).containsExactly("eventsourcing.append",
                    "eventsourcing.load", "eventsourcing.append", "eventsourcing.load");
            assertThat(observed).extracting(Observation.Context::getContextualName).contains("append Counter",
                    "load Counter");
            assertThat(observed).flatExtracting(observation -> observation.getAllKeyValues().stream().toList())
                    .extracting(KeyValue::getValue).doesNotContain(counter.getId().toString());
        });
    }

    @Test
    void countsConcurrencyConflictsAndTimesThemAsErrors() {
        contextRunner.run(context -> {
            EventSourcedRepository<Counter> counters = RepositoryBeans.of(context, Counter.class);
            UUID id = RepositoryBeans.save(context, Counter.create("raced")).getId();
            Counter first = counters.get(id);
            Counter second = counters.get(id);
            first.increment();
            counters.save(first);
            second.increment();

            assertThatThrownBy(() -> counters.save(second)).isInstanceOf(ConcurrencyException.class);

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("eventsourcing.append.conflicts").tag("entity.type", "Counter").counter().count())
                    .isOne();
            assertThat(meters.get("eventsourcing.append").tag("error", "ConcurrencyException").timer().count())
                    .isOne();
        });
    }

    @Test
    void countsDecryptionFailuresOfDataWrittenWithAnotherKey() {
        String url = "jdbc:h2:mem:cipher-metrics-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        ApplicationContextRunner shared = contextRunner.withPropertyValues("spring.datasource.url=" + url);
        AtomicReference<UUID> written = new AtomicReference<>();
        shared.withPropertyValues("eventsourcing.cipher.key=" + KEY).run(context ->
                written.set(RepositoryBeans.save(context, Counter.create("secret")).getId()));
        shared.withPropertyValues("eventsourcing.cipher.key=" + OTHER_KEY).run(context -> {
            assertThatThrownBy(() -> RepositoryBeans.of(context, Counter.class).get(written.get()))
                    .isInstanceOf(DataIntegrityException.class);

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get("eventsourcing.cipher.failures").tags("store", "sequenced_items", "operation",
                    "decrypt").counter().count()).isOne();
            assertThat(meters.get("eventsourcing.cipher.failures").tag("operation", "encrypt").counter().count())
                    .isZero();
        });
    }

    @Test
    void gaugesEachProjectionsLagAndErrors() {
        contextRunner.withUserConfiguration(ProjectionsAutoConfigurationTests.TotalsConfiguration.class)
                .withPropertyValues("eventsourcing.projections.lease=2s").run(context -> {
                    CounterTotals totals = context.getBean(CounterTotals.class);
                    totals.failing(true);
                    RepositoryBeans.save(context, Counter.create("lagging"));

                    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                        assertThat(gauge(context, "eventsourcing.projection.errors")).isOne();
                        assertThat(gauge(context, "eventsourcing.projection.lag.events")).isPositive();
                        assertThat(gauge(context, "eventsourcing.projection.lag.seconds")).isPositive();
                    });

                    totals.failing(false);
                    context.getBean(Projections.class).retry("counter-totals");
                    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                        assertThat(gauge(context, "eventsourcing.projection.errors")).isZero();
                        assertThat(gauge(context, "eventsourcing.projection.lag.events")).isZero();
                        assertThat(gauge(context, "eventsourcing.projection.lag.seconds")).isZero();
                    });
                });
    }

    @Test
    void backsOffWithoutAMeterRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        EventSourcingAutoConfiguration.class, EventSourcingMetricsAutoConfiguration.class))
                .withUserConfiguration(SampleDomainConfiguration.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(ObservedRepositories.class)
                            .doesNotHaveBean(ProjectionMetrics.class);
                    assertThat(RepositoryBeans.of(context, Counter.class))
                            .isNotInstanceOf(ObservedEventSourcedRepository.class);
                });
    }

    private static double gauge(AssertableApplicationContext context, String name) {
        return context.getBean(MeterRegistry.class).get(name)
                .tags("store", "sequenced_items", "projection", "counter-totals").gauge().value();
    }
}
