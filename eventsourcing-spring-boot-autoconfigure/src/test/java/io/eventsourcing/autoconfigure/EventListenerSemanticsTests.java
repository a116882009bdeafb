package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.infrastructure.EventStore;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What listeners of saved events see: {@code @EventListener} methods run after the events are appended, in the
 * save's transaction, and can roll it back; {@code @TransactionalEventListener} methods see committed events only.
 */
class EventListenerSemanticsTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                    EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class);

    @Test
    void eventListenersRunAfterTheAppendInsideTheSavesTransaction() {
        contextRunner.withBean(StoreReadingListener.class).run(context -> {
            Counter counter = Counter.create("listened");
            counter.increment();

            RepositoryBeans.save(context, counter);

            StoreReadingListener listener = context.getBean(StoreReadingListener.class);
            assertThat(listener.storedWhenReceived).containsExactly(true, true);
            assertThat(listener.inTransaction).containsExactly(true, true);
            assertThat(listener.thread).isSameAs(Thread.currentThread());
        });
    }

    @Test
    void anEventListenersExceptionRollsTheSaveBackAndLeavesTheEventsPending() {
        contextRunner.withBean(RefusingListener.class).run(context -> {
            Counter counter = Counter.create("refused");

            assertThatIllegalStateException().isThrownBy(() -> RepositoryBeans.save(context, counter))
                    .withMessage("listener refused refused");

            assertThat(StoredRows.count(context.getBean(DataSource.class), "sequenced_items")).isZero();
            assertThat(counter.getPendingEvents()).hasSize(1);
        });
    }

    @Test
    void transactionalEventListenersSeeOnlyCommittedEvents() {
        contextRunner.withBean(AfterCommitListener.class).withBean(StoreReadingListener.class).run(context -> {
            var transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            AfterCommitListener afterCommit = context.getBean(AfterCommitListener.class);
            Counter committed = Counter.create("committed");
            Counter rolledBack = Counter.create("rolled back");

            RepositoryBeans.save(context, committed);
            transaction.executeWithoutResult(status -> {
                RepositoryBeans.save(context, rolledBack);
                status.setRollbackOnly();
            });

            assertThat(afterCommit.received).extracting(VersionedEvent::originatorId)
                    .containsExactly(committed.getId());
            assertThat(context.getBean(StoreReadingListener.class).storedWhenReceived)
                    .as("an @EventListener also saw the rolled-back save, inside its transaction")
                    .containsExactly(true, true);
            assertThat(StoredRows.count(context.getBean(DataSource.class), "sequenced_items")).isEqualTo(1);
        });
    }

    /** Records, for each event it receives, whether the store already holds it, and whether a transaction runs. */
    static class StoreReadingListener {

        final List<Boolean> storedWhenReceived = new ArrayList<>();
        final List<Boolean> inTransaction = new ArrayList<>();
        volatile Thread thread;
        private final EventStore eventStore;

        StoreReadingListener(EventStore eventStore) {
            this.eventStore = eventStore;
        }

        @EventListener
        void on(VersionedEvent event) {
            thread = Thread.currentThread();
            storedWhenReceived.add(eventStore.getDomainEvents(event.originatorId()).contains(event));
            inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
        }
    }

    static class RefusingListener {

        @EventListener
        void on(Counter.Created created) {
            throw new IllegalStateException("listener refused " + created.name());
        }
    }

    static class AfterCommitListener {

        final List<VersionedEvent> received = new ArrayList<>();

        @TransactionalEventListener
        void on(VersionedEvent event) {
            received.add(event);
        }
    }
}
