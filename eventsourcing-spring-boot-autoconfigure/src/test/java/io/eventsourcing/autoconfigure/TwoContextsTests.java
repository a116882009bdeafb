package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.autoconfigure.sample.Basket;
import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Two application contexts in one JVM each store their own saves, once, in their own store. */
class TwoContextsTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class);

    @Test
    void onTwoDatabasesEachContextStoresOnlyItsOwnSaves() {
        contextRunner.run(first -> contextRunner.run(second -> {
            DataSource firstDatabase = first.getBean(DataSource.class);
            DataSource secondDatabase = second.getBean(DataSource.class);

            Counter counted = RepositoryBeans.save(first, Counter.create("first"));
            RepositoryBeans.save(second, Basket.create());
            RepositoryBeans.save(second, Basket.create());

            assertThat(StoredRows.count(firstDatabase, "sequenced_items")).isEqualTo(1);
            assertThat(StoredRows.count(secondDatabase, "sequenced_items")).isEqualTo(2);
            assertThat(RepositoryBeans.of(first, Counter.class).contains(counted.getId())).isTrue();
            assertThat(RepositoryBeans.of(second, Counter.class).contains(counted.getId())).isFalse();
        }));
    }

    @Test
    void onOneDatabaseEachSaveIsStoredOnceWithoutAFalseConflict() {
        ApplicationContextRunner shared = contextRunner.withPropertyValues(
                "spring.datasource.url=jdbc:h2:mem:shared-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        shared.run(first -> shared.run(second -> {
            Basket fromFirst = Basket.create();
            fromFirst.add("apple");
            RepositoryBeans.save(first, fromFirst);
            Basket fromSecond = Basket.create();
            RepositoryBeans.save(second, fromSecond);
            fromSecond.add("pear");
            RepositoryBeans.save(second, fromSecond);

            assertThat(StoredRows.count(first.getBean(DataSource.class), "sequenced_items")).isEqualTo(4);
            assertThat(RepositoryBeans.of(second, Basket.class).get(fromFirst.getId()).getItems())
                    .containsExactly("apple");
            assertThat(RepositoryBeans.of(first, Basket.class).get(fromSecond.getId()).getItems())
                    .containsExactly("pear");
        }));
    }
}
