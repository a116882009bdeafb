package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.infrastructure.jdbc.PostgresLogNotifications;
import io.eventsourcing.projection.LogNotifications;
import io.eventsourcing.testing.ConnectionDetails;
import io.eventsourcing.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * On PostgreSQL, a save by one instance of the application wakes the projections held by another at once,
 * through LISTEN/NOTIFY, long before their next poll.
 */
class PostgresLogNotificationsTests {

    @Test
    void aSaveOnOneInstanceReachesTheProjectionOfAnotherAtOnce() {
        ConnectionDetails database = TestDatabase.POSTGRESQL.newConnectionDetails();
        ApplicationContextRunner instance = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, EventSourcingAutoConfiguration.class))
                .withUserConfiguration(SampleDomainConfiguration.class)
                .withPropertyValues("spring.datasource.url=" + database.url(),
                        "spring.datasource.username=" + database.username(),
                        "spring.datasource.password=" + database.password(),
                        "eventsourcing.projections.max-poll-interval=60s");
        instance.withUserConfiguration(ProjectionsAutoConfigurationTests.TotalsConfiguration.class).run(projecting -> {
            assertThat(projecting.getBean(LogNotifications.class)).isInstanceOf(PostgresLogNotifications.class);
            CounterTotals totals = projecting.getBean(CounterTotals.class);
            instance.run(writing -> {
                Thread.sleep(3_000); // the idle projection now polls seconds apart
                for (int count = 1; count <= 3; count++) {
                    long saved = System.nanoTime();
                    RepositoryBeans.save(writing, Counter.create("remote " + count));
                    long expected = count;
                    await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(2))
                            .untilAsserted(() -> assertThat(totals.total("counters")).isEqualTo(expected));
                    System.out.printf("Save on one instance reached the other's projection in %d ms%n",
                            (System.nanoTime() - saved) / 1_000_000);
                    Thread.sleep(2_000);
                }
            });
        });
    }
}
