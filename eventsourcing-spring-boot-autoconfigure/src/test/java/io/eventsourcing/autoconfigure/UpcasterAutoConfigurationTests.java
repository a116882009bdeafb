package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.upcasting.Upcaster;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class UpcasterAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class);

    @Test
    void upcasterBeansBringStoredEventsToTheCurrentSchema() {
        contextRunner.withBean("counterRenamed", Upcaster.class,
                () -> Upcaster.renaming("counter-started", 1, "counter-created", 1)).run(context -> {
            UUID id = UUID.randomUUID();
            SequencedItem created = context.getBean(SequencedItemMapper.class)
                    .toSequencedItem(new Counter.Created(id, 0, Timestamps.now(), "started"));
            context.getBean(ActiveRecordStrategy.class).append(new SequencedItem(id, 0, "counter-started",
                    created.data()));

            assertThat(RepositoryBeans.of(context, Counter.class).get(id).getName()).isEqualTo("started");
        });
    }
}
