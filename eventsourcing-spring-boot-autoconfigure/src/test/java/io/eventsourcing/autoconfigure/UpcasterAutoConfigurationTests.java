package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.autoconfigure.evolution.EvolutionDomainConfiguration;
import io.eventsourcing.autoconfigure.evolution.Tally;
import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import io.eventsourcing.infrastructure.upcasting.Upcaster;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

    @Test
    void upcasterBeansBringSnapshotsToTheCurrentSchemaOfTheirEntity() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, EventSourcingAutoConfiguration.class))
                .withUserConfiguration(EvolutionDomainConfiguration.class)
                .withBean("tallyCountRenamed", Upcaster.class,
                        () -> Upcaster.of(Tally.class.getName(), 1, state -> state.set("total", state.remove("count"))))
                .run(context -> {
                    EventSourcedRepository<Tally> tallies = RepositoryBeans.of(context, Tally.class);
                    Tally tally = RepositoryBeans.save(context, Tally.start());
                    tally.add(3);
                    tallies.save(tally);
                    appendSnapshotOfSchemaOne(context.getBean(DataSource.class), tallies, tally.getId(), 1000);

                    assertThat(tallies.get(tally.getId()).getTotal()).as("the snapshot's total").isEqualTo(1000);
                });
    }

    /** Stores a snapshot as schema version 1 of the entity stored it: without a version, the total named count. */
    private static void appendSnapshotOfSchemaOne(DataSource dataSource, EventSourcedRepository<Tally> tallies,
                                                  UUID id, long count) {
        JdbcActiveRecordStrategy snapshots = new JdbcActiveRecordStrategy(dataSource, SequencedItemTable.SNAPSHOTS);
        tallies.takeSnapshot(id);
        SequencedItem taken = snapshots.getItems(id).get(0);
        ObjectNode json = (ObjectNode) JsonMapper.shared().readTree(taken.data());
        json.remove("schemaVersion");
        ObjectNode state = (ObjectNode) json.get("state");
        state.remove("total");
        state.put("count", count);
        snapshots.append(new SequencedItem(id, taken.position() + 1, taken.topic(),
                JsonMapper.shared().writeValueAsBytes(json)));
    }
}
