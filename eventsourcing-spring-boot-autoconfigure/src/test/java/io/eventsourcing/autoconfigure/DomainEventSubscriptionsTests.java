package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.eventsourcing.application.PersistencePolicy;
import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.infrastructure.EventStore;
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

class DomainEventSubscriptionsTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class);

    @Test
    void listenersReceiveEachEventAfterItIsStored() {
        contextRunner.withBean(StoreReadingListener.class).run(context -> {
            Counter counter = Counter.create("listened");
            counter.increment();

            assertThat(context.getBean(StoreReadingListener.class).storedWhenReceived).containsExactly(true, true);
        });
    }

    @Test
    void listenersRunInThePublishingThreadAndTheirExceptionsReachThePublisher() {
        contextRunner.withBean(FailingListener.class).run(context -> {
            assertThatIllegalStateException().isThrownBy(() -> Counter.create("refused"))
                    .withMessage("listener refused refused");
            assertThat(context.getBean(FailingListener.class).thread).isSameAs(Thread.currentThread());
        });
    }

    @Test
    void contextsStartedOneAfterAnotherStoreEachEventOnce() {
        AtomicReference<PersistencePolicy> firstPolicy = new AtomicReference<>();
        contextRunner.run(first -> {
            firstPolicy.set(first.getBean(PersistencePolicy.class));
            Counter.create("first");
            assertThat(StoredRows.count(first.getBean(DataSource.class), "sequenced_items")).isEqualTo(1);
        });
        assertThat(firstPolicy.get().isSubscribed()).isFalse();

        contextRunner.withBean(StoreReadingListener.class).run(second -> {
            Counter.create("second");

            assertThat(StoredRows.count(second.getBean(DataSource.class), "sequenced_items")).isEqualTo(1);
            assertThat(second.getBean(StoreReadingListener.class).storedWhenReceived).containsExactly(true);
        });
    }

    @Test
    void aPausedContextNeitherStoresNorForwardsEventsUntilItRestarts() {
        contextRunner.withBean(StoreReadingListener.class).run(context -> {
            ConfigurableApplicationContext application =
                    context.getSourceApplicationContext(ConfigurableApplicationContext.class);
            DataSource dataSource = context.getBean(DataSource.class);
            List<Boolean> received = context.getBean(StoreReadingListener.class).storedWhenReceived;

            application.pause();
            Counter.create("while paused");
            assertThat(StoredRows.count(dataSource, "sequenced_items")).isZero();
            assertThat(received).isEmpty();

            application.restart();
            Counter.create("after restart");
            assertThat(StoredRows.count(dataSource, "sequenced_items")).isEqualTo(1);
            assertThat(received).containsExactly(true);
        });
    }

    /** Records, for each event it receives, whether the store already holds it. */
    static class StoreReadingListener {

        final List<Boolean> storedWhenReceived = new ArrayList<>();
        private final EventStore eventStore;

        StoreReadingListener(EventStore eventStore) {
            this.eventStore = eventStore;
        }

        @EventListener
        void on(VersionedEvent event) {
            storedWhenReceived.add(eventStore.getDomainEvents(event.originatorId()).contains(event));
        }
    }

    static class FailingListener {

        volatile Thread thread;

        @EventListener
        void on(Counter.Created created) {
            thread = Thread.currentThread();
            throw new IllegalStateException("listener refused " + created.name());
        }
    }
}
