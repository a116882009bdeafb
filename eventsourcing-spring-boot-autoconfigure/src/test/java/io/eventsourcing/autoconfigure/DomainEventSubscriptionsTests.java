package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.application.PersistencePolicy;
import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.domain.DomainEvents;
import io.eventsourcing.domain.UndeliveredEventsException;
import io.eventsourcing.domain.VersionedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;

/** The persistence policy and the listeners receive what the context's repositories save while it runs. */
class DomainEventSubscriptionsTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class);

    @Test
    void theContextsOwnBusCarriesItsSavesAndTheProcessBusIsNotUsed() {
        contextRunner.withBean(Listener.class).run(context -> {
            Counter counter = Counter.create("saved");
            counter.increment();

            RepositoryBeans.save(context, counter);

            assertThat(context.getBean(Listener.class).received).hasSize(2);
            assertThat(DomainEvents.isSubscribed(context.getBean(PersistencePolicy.class))).isFalse();
            assertThat(StoredRows.count(context.getBean(DataSource.class), "sequenced_items")).isEqualTo(2);
        });
    }

    @Test
    void aClosedContextsPolicyIsUnsubscribed() {
        AtomicReference<PersistencePolicy> policy = new AtomicReference<>();
        contextRunner.run(context -> {
            policy.set(context.getBean(PersistencePolicy.class));
            assertThat(policy.get().isSubscribed()).isTrue();
        });
        assertThat(policy.get().isSubscribed()).isFalse();
    }

    @Test
    void aPausedContextRefusesSavesAndKeepsTheEventsPendingUntilItRestarts() {
        contextRunner.withBean(Listener.class).run(context -> {
            ConfigurableApplicationContext application =
                    context.getSourceApplicationContext(ConfigurableApplicationContext.class);
            DataSource dataSource = context.getBean(DataSource.class);
            Counter counter = Counter.create("while paused");

            application.pause();
            assertThatThrownBy(() -> RepositoryBeans.save(context, counter))
                    .isInstanceOf(UndeliveredEventsException.class)
                    .hasMessageContaining(counter.getId().toString());
            assertThat(StoredRows.count(dataSource, "sequenced_items")).isZero();
            assertThat(context.getBean(Listener.class).received).isEmpty();
            assertThat(counter.getPendingEvents()).hasSize(1);

            application.restart();
            RepositoryBeans.save(context, counter);
            assertThat(StoredRows.count(dataSource, "sequenced_items")).isEqualTo(1);
            assertThat(context.getBean(Listener.class).received).hasSize(1);
            assertThat(counter.getPendingEvents()).isEmpty();
        });
    }

    static class Listener {

        final List<VersionedEvent> received = new ArrayList<>();

        @EventListener
        void on(VersionedEvent event) {
            received.add(event);
        }
    }
}
