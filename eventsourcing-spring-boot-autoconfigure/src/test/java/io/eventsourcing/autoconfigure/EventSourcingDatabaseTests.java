package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.autoconfigure.sample.Basket;
import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.testing.ConnectionDetails;
import io.eventsourcing.testing.TestDatabase;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auto-configuration on a real database, configured by {@code spring.datasource.*} properties as an
 * application would be; one thin subclass per database, each test on a new, empty database.
 */
abstract class EventSourcingDatabaseTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class);

    /** The database the tests run on. */
    protected abstract TestDatabase database();

    @Test
    void storesEventsInTheSequencedItemsTableItCreates() {
        onNewDatabase().run(context -> {
            DataSource dataSource = context.getBean(DataSource.class);
            assertThat(StoredRows.tableExists(dataSource, "sequenced_items_schema_history")).isTrue();

            Counter counter = Counter.create("defaults");
            counter.increment();
            RepositoryBeans.save(context, counter);

            assertThat(StoredRows.count(dataSource, "sequenced_items")).isEqualTo(2);
            assertThat(RepositoryBeans.of(context, Counter.class).get(counter.getId()).getCount()).isEqualTo(1);
        });
    }

    @Test
    void storesEntitiesAndAggregatesInTheStoredEventsTableConfiguredByPropertiesAlone() {
        onNewDatabase().withPropertyValues("eventsourcing.jdbc.table=stored_events",
                "eventsourcing.jdbc.sequence-id-column=aggregate_id",
                "eventsourcing.jdbc.position-column=aggregate_version", "eventsourcing.jdbc.topic-column=event_type",
                "eventsourcing.jdbc.data-column=state").run(context -> {
            DataSource dataSource = context.getBean(DataSource.class);
            RepositoryBeans.save(context, Counter.create("entity"));
            Basket basket = Basket.create();
            basket.add("apple");
            RepositoryBeans.save(context, basket);

            assertThat(StoredRows.topics(dataSource, "stored_events", "event_type")).containsExactly(
                    "counter-created", Basket.Created.class.getName(), Basket.ItemAdded.class.getName());
            assertThat(StoredRows.tableExists(dataSource, "stored_events_schema_history")).isTrue();
            assertThat(StoredRows.tableExists(dataSource, "sequenced_items")).isFalse();
        });
    }

    @Test
    void rollbackOfTheSurroundingTransactionLeavesNoEvents() {
        onNewDatabase().run(context -> {
            var transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

            UUID id = transaction.execute(status -> {
                status.setRollbackOnly();
                return RepositoryBeans.save(context, Counter.create("rolled back")).getId();
            });

            assertThat(StoredRows.count(context.getBean(DataSource.class), "sequenced_items")).isZero();
            assertThat(RepositoryBeans.of(context, Counter.class).contains(id)).isFalse();
        });
    }

    private ApplicationContextRunner onNewDatabase() {
        ConnectionDetails database = database().newConnectionDetails();
        return contextRunner.withPropertyValues("spring.datasource.url=" + database.url(),
                "spring.datasource.username=" + database.username(),
                "spring.datasource.password=" + database.password());
    }
}
