package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A save joins the transaction of the caller; {@link EventSourcingDatabaseTests} rolls one back on every database. */
class TransactionsTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class);

    @Test
    void aSaveJoinsTheSurroundingTransactionAndCommitsWithIt() {
        contextRunner.run(context -> {
            DataSource dataSource = context.getBean(DataSource.class);
            var transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));

            int seenByOthersBeforeCommit = transaction.execute(status -> {
                RepositoryBeans.save(context, Counter.create("committed"));
                return countOnAConnectionOfItsOwn(dataSource);
            });

            assertThat(seenByOthersBeforeCommit).isZero();
            assertThat(countOnAConnectionOfItsOwn(dataSource)).isEqualTo(1);
        });
    }

    @Test
    void withoutATransactionManagerBeanEachSaveHasATransactionOfItsOwn() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        EventSourcingAutoConfiguration.class))
                .withUserConfiguration(SampleDomainConfiguration.class)
                .run(context -> {
            assertThat(context).doesNotHaveBean(PlatformTransactionManager.class);

            RepositoryBeans.save(context, Counter.create("own transaction"));

            assertThat(countOnAConnectionOfItsOwn(context.getBean(DataSource.class))).isEqualTo(1);
        });
    }

    /** Counts stored events outside any transaction Spring manages. */
    private static int countOnAConnectionOfItsOwn(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM sequenced_items")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
