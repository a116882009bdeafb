package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.dcb.AppendConditionViolatedException;
import io.eventsourcing.dcb.DcbEventStore;
import io.eventsourcing.dcb.Decision;
import io.eventsourcing.dcb.DecisionProjection;
import io.eventsourcing.dcb.Query;
import io.eventsourcing.dcb.QueryItem;
import io.eventsourcing.domain.TaggedEvent;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.projection.Handler;
import io.eventsourcing.projection.Projection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class DcbAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class, ReceiversConfiguration.class);

    /** A username was claimed. */
    record UsernameClaimed(String username, Instant timestamp) implements TaggedEvent {
        @Override
        public Set<String> tags() {
            return Set.of("username:" + username);
        }
    }

    /** Receives tagged events as a projection and as an application event listener. */
    @Projection("claimed-usernames")
    static class Receivers {

        final List<String> projected = new CopyOnWriteArrayList<>();
        final List<String> listened = new CopyOnWriteArrayList<>();

        @Handler
        void on(UsernameClaimed event) {
            projected.add(event.username());
        }

        @EventListener
        void heard(UsernameClaimed event) {
            listened.add(event.username());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReceiversConfiguration {

        @Bean
        Receivers receivers() {
            return new Receivers();
        }
    }

    @Test
    void theDcbStoreOnTheEventsTableDecidesAppendsAndReachesProjectionsAndListeners() {
        contextRunner.run(context -> {
            DcbEventStore store = context.getBean(DcbEventStore.class);
            Receivers receivers = context.getBean(Receivers.class);
            DecisionProjection<Boolean> taken = DecisionProjection.initially(false).taggedWith("username:ada")
                    .on(UsernameClaimed.class, (state, event) -> true);

            Decision first = store.decide(taken);
            Decision second = store.decide(taken);
            assertThat(first.state(taken)).isFalse();
            first.append(new UsernameClaimed("ada", Timestamps.now()));
            assertThatThrownBy(() -> second.append(new UsernameClaimed("ada", Timestamps.now())))
                    .isInstanceOf(AppendConditionViolatedException.class);

            assertThat(store.decide(taken).state(taken)).isTrue();
            assertThat(receivers.listened).containsExactly("ada");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(receivers.projected).containsExactly("ada"));
            assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
                    "SELECT COUNT(*) FROM sequenced_items_dcb_tags WHERE tag = 'username:ada'", Integer.class))
                    .isOne();
        });
    }

    @Test
    void aViolatedConditionLeavesTheCallersTransactionUsable() {
        contextRunner.run(context -> {
            DcbEventStore store = context.getBean(DcbEventStore.class);
            DecisionProjection<Boolean> taken = DecisionProjection.initially(false).taggedWith("username:bob")
                    .on(UsernameClaimed.class, (state, event) -> true);
            Decision stale = store.decide(taken);
            store.append(List.of(new UsernameClaimed("bob", Timestamps.now())));

            new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
                assertThatThrownBy(() -> stale.append(new UsernameClaimed("bob", Timestamps.now())))
                        .isInstanceOf(AppendConditionViolatedException.class);
                store.append(List.of(new UsernameClaimed("bobby", Timestamps.now())));
            });

            assertThat(store.read(Query.of(QueryItem.ofTags("username:bobby"))).events()).hasSize(1);
            assertThat(store.read(Query.of(QueryItem.ofTags("username:bob"))).events()).hasSize(1);
        });
    }

    @Test
    void backsOffWhenDisabledAndCreatesNoTablesForIt() {
        contextRunner.withPropertyValues("eventsourcing.dcb.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(DcbEventStore.class);
            assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForList(
                    "SELECT table_name FROM information_schema.tables WHERE LOWER(table_name) LIKE '%dcb%'"))
                    .isEmpty();
        });
    }
}
