package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventsourcing.autoconfigure.ProjectionsEndpoint.ProjectionsDescriptor;
import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.infrastructure.jdbc.JdbcProjectionPositions;
import io.eventsourcing.projection.ProjectionStatus;
import io.eventsourcing.projection.ProjectionStatus.State;
import io.eventsourcing.projection.Projections;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ProjectionsAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, EventSourcingAutoConfiguration.class,
                    EndpointAutoConfiguration.class,
                    ProjectionsActuatorAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class, TotalsConfiguration.class)
            .withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=projections",
                    "eventsourcing.projections.lease=2s");

    @Configuration(proxyBeanMethods = false)
    static class TotalsConfiguration {

        @Bean
        CounterTotals counterTotals(DataSource dataSource) {
            return new CounterTotals(dataSource);
        }
    }

    @Test
    void runsTheContextsProjectionsFromItsSavesAndShowsThemOnTheEndpointAndHealth() {
        contextRunner.run(context -> {
            assertThat(context).hasSingleBean(Projections.class).hasSingleBean(JdbcProjectionPositions.class)
                    .hasSingleBean(ProjectionsEndpoint.class).hasSingleBean(ProjectionsHealthIndicator.class);
            Counter counter = RepositoryBeans.save(context, Counter.create("clicks"));
            counter.increment();
            counter.increment();
            RepositoryBeans.save(context, counter);

            CounterTotals totals = context.getBean(CounterTotals.class);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(totals.total("increments")).isEqualTo(2));
            assertThat(totals.total("counters")).isOne();
            ProjectionStatus status = onlyStatus(context);
            assertThat(status).extracting(ProjectionStatus::name, ProjectionStatus::generation,
                    ProjectionStatus::serving, ProjectionStatus::state, ProjectionStatus::lag)
                    .containsExactly("counter-totals", 1, true, State.RUNNING, 0L);
            assertThat(status.position()).isPositive();
            assertThat(context.getBean(ProjectionsHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void aStoppedProjectionIsDownInHealthWithItsErrorUntilRetried() {
        contextRunner.run(context -> {
            CounterTotals totals = context.getBean(CounterTotals.class);
            totals.failing(true);
            RepositoryBeans.save(context, Counter.create("clicks"));

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(onlyStatus(context).state())
                    .isEqualTo(State.STOPPED));
            assertThat(onlyStatus(context).lastError()).contains("totals are read-only today");
            ProjectionsHealthIndicator health = context.getBean(ProjectionsHealthIndicator.class);
            assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(health.health(true).getDetails())).contains("totals are read-only today");

            totals.failing(false);
            ProjectionsDescriptor retried = context.getBean(ProjectionsEndpoint.class).operate("counter-totals",
                    "retry");
            assertThat(retried.projections()).hasSize(1);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(totals.total("counters")).isOne());
            assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void theEndpointRefusesUnknownNamesAndActionsAndResetsOnlyProjectionsWithGenerations() {
        contextRunner.run(context -> {
            ProjectionsEndpoint endpoint = context.getBean(ProjectionsEndpoint.class);

            assertThat(endpoint.projection("counter-totals").projections()).hasSize(1);
            assertThat(endpoint.projection("missing")).isNull();
            assertThatThrownBy(() -> endpoint.operate("missing", "reset"))
                    .isInstanceOf(InvalidEndpointRequestException.class).hasMessageContaining("missing");
            assertThatThrownBy(() -> endpoint.operate("counter-totals", "explode"))
                    .isInstanceOf(InvalidEndpointRequestException.class).hasMessageContaining("explode");
            for (String action : List.of("reset", "rebuild")) {
                assertThatThrownBy(() -> endpoint.operate("counter-totals", action))
                        .isInstanceOf(InvalidEndpointRequestException.class)
                        .hasMessageContaining("does not implement ViewGenerations");
            }
            assertThat(onlyStatus(context).generation()).isOne();
        });
    }

    @Test
    void twoInstancesOnOneDatabaseRunEachProjectionOnce() {
        String url = "jdbc:h2:mem:projections-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        ApplicationContextRunner shared = contextRunner.withPropertyValues("spring.datasource.url=" + url);
        shared.withPropertyValues("eventsourcing.projections.instance-id=first").run(first ->
                shared.withPropertyValues("eventsourcing.projections.instance-id=second").run(second -> {
                    for (int i = 0; i < 20; i++) {
                        RepositoryBeans.save(i % 2 == 0 ? first : second, Counter.create("counter " + i));
                    }
                    CounterTotals totals = first.getBean(CounterTotals.class);
                    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(totals.total("counters"))
                            .isEqualTo(20));
                    assertThat(List.of(onlyStatus(first).state(), onlyStatus(second).state()))
                            .containsExactlyInAnyOrder(State.RUNNING, State.STANDBY);
                }));
    }

    @Test
    void backsOffWhenDisabled() {
        contextRunner.withPropertyValues("eventsourcing.projections.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(Projections.class).doesNotHaveBean(ProjectionsEndpoint.class)
                        .doesNotHaveBean(JdbcProjectionPositions.class));
    }

    @Test
    void badSettingsFailTheStartupNamingTheProperty() {
        contextRunner.withPropertyValues("eventsourcing.projections.page-size=0").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("Invalid property eventsourcing.projections.page-size: must be at least 1"));
        contextRunner.withPropertyValues("eventsourcing.projections.table=drop table;").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("Invalid property eventsourcing.projections.table: The table"));
    }

    private static ProjectionStatus onlyStatus(AssertableApplicationContext context) {
        return context.getBean(ProjectionsEndpoint.class).projections().projections().stream()
                .reduce((a, b) -> {
                    throw new AssertionError("more than one generation: " + a + ", " + b);
                }).orElseThrow();
    }
}
