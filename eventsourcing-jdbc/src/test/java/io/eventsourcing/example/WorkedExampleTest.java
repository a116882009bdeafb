package io.eventsourcing.example;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.application.EventSourcedApplication;
import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.DomainEvents;
import io.eventsourcing.domain.EventHandler;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.EventSequencing;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.codec.AESCipher;
import io.eventsourcing.infrastructure.codec.Cipher;
import io.eventsourcing.infrastructure.jdbc.FlywaySchemaMigration;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.JdbcDialect;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import io.eventsourcing.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** The seed's worked example, steps 1 to 7, with the seed's own assertions, on SQLite. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkedExampleTest {

    private DataSource dataSource;
    private final List<DomainEvent> receivedEvents = new ArrayList<>();
    private final EventHandler receiver = receivedEvents::addAll;
    private Example entity1;

    @BeforeAll
    void setUpDatabase() {
        dataSource = TestDatabase.SQLITE.newDatabase();
        for (SequencedItemTable table : List.of(SequencedItemTable.SEQUENCED_ITEMS, SequencedItemTable.STORED_EVENTS)) {
            new FlywaySchemaMigration(dataSource, table, JdbcDialect.SQLITE).migrate();
        }
    }

    @AfterAll
    void unsubscribe() {
        DomainEvents.unsubscribe(receiver);
    }

    @Test
    @Order(1)
    void step1DomainModel() {
        // tag::step1[]
        DomainEvents.subscribe(receiver);

        entity1 = Example.createNewExample("bar1");

        assertThat(entity1.getId()).isNotNull();
        assertThat(entity1.getVersion()).isEqualTo(1);
        assertThat(receivedEvents).hasSize(1);
        assertThat(receivedEvents.get(0)).isInstanceOf(Created.class);
        Created created = (Created) receivedEvents.get(0);
        assertThat(created.originatorId()).isEqualTo(entity1.getId());
        assertThat(created.originatorVersion()).isZero();
        assertThat(created.foo()).isEqualTo("bar1");
        assertThat(entity1.getFoo()).isEqualTo("bar1");

        entity1.setFoo("bar2");

        assertThat(entity1.getFoo()).isEqualTo("bar2");
        assertThat(entity1.getVersion()).isEqualTo(2);
        assertThat(receivedEvents).hasSize(2);
        ValueChanged changed = (ValueChanged) receivedEvents.get(1);
        assertThat(changed.originatorVersion()).isEqualTo(1);
        assertThat(changed.name()).isEqualTo("foo");
        assertThat(changed.value()).isEqualTo("bar2");
        DomainEvents.unsubscribe(receiver);
        // end::step1[]
    }

    @Test
    @Order(2)
    void step2Infrastructure() {
        // tag::step2[]
        JdbcActiveRecordStrategy activeRecordStrategy = new JdbcActiveRecordStrategy(dataSource);
        SequencedItemMapper sequencedItemMapper = SequencedItemMapper.builder()
                .sequencing(new EventSequencing("originatorId", "originatorVersion"))
                .build();
        EventStore eventStore = new EventStore(activeRecordStrategy, sequencedItemMapper);
        EventSourcedRepository<Example> exampleRepository = new EventSourcedRepository<>(eventStore, Example::mutate);

        for (DomainEvent event : receivedEvents) {
            eventStore.append(event);
        }
        assertThat(eventStore.getDomainEvents(entity1.getId())).hasSize(2);

        Example retrievedEntity = exampleRepository.get(entity1.getId());
        assertThat(retrievedEntity.getFoo()).isEqualTo("bar2");

        List<SequencedItem> sequencedItems = eventStore.getActiveRecordStrategy().getItems(entity1.getId());
        assertThat(sequencedItems).hasSize(2);
        assertThat(sequencedItems.get(0).sequenceId()).isEqualTo(entity1.getId());
        assertThat(sequencedItems.get(0).position()).isZero();
        assertThat(sequencedItems.get(0).topic()).contains("Created");
        assertThat(sequencedItems.get(0).data()).asString(UTF_8).contains("bar1");
        assertThat(sequencedItems.get(1).sequenceId()).isEqualTo(entity1.getId());
        assertThat(sequencedItems.get(1).position()).isEqualTo(1);
        assertThat(sequencedItems.get(1).topic()).contains("ValueChanged");
        assertThat(sequencedItems.get(1).data()).asString(UTF_8).contains("bar2");
        // end::step2[]
    }

    // tag::application[]
    /** Step 3's application object. */
    static class Application extends EventSourcedApplication {

        final EventSourcedRepository<Example> exampleRepository;

        Application(DataSource dataSource) {
            super(new EventStore(new JdbcActiveRecordStrategy(dataSource), SequencedItemMapper.create()));
            exampleRepository = repository(Example::mutate);
        }

        Example createExample(String foo) {
            return Example.createNewExample(foo);
        }
    }
    // end::application[]

    @Test
    @Order(3)
    void step3Application() {
        // tag::step3[]
        try (Application app = new Application(dataSource)) {
            Example entity2 = app.createExample("bar3");
            assertThat(app.exampleRepository.contains(entity2.getId())).isTrue();
            assertThat(app.exampleRepository.get(entity2.getId()).getFoo()).isEqualTo("bar3");

            entity2.setFoo("bar4");
            assertThat(app.exampleRepository.get(entity2.getId()).getFoo()).isEqualTo("bar4");

            entity2.discard();
            assertThat(app.exampleRepository.contains(entity2.getId())).isFalse();
            assertThatThrownBy(() -> app.exampleRepository.get(entity2.getId()))
                    .isInstanceOf(NoSuchElementException.class);
        }
        // end::step3[]
    }

    // tag::encrypted-application[]
    /** Step 4's application: the same, with a cipher that encrypts every event's data. */
    static class EncryptedApplication extends EventSourcedApplication {

        final EventSourcedRepository<Example> exampleRepository;

        EncryptedApplication(DataSource dataSource, Cipher cipher) {
            super(new EventStore(new JdbcActiveRecordStrategy(dataSource),
                    SequencedItemMapper.builder().cipher(cipher).alwaysEncrypt(true).build()));
            exampleRepository = repository(Example::mutate);
        }

        Example createExample(String foo) {
            return Example.createNewExample(foo);
        }
    }
    // end::encrypted-application[]

    @Test
    @Order(4)
    void step4ApplicationLevelEncryption() {
        // tag::step4[]
        String aesKey = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.UTF_8));

        try (EncryptedApplication app = new EncryptedApplication(dataSource, AESCipher.fromBase64(aesKey))) {
            Example entity3 = app.createExample("secret info");

            // Without encryption, application state is visible in the database.
            ActiveRecordStrategy records = app.getEventStore().getActiveRecordStrategy();
            SequencedItem item1 = records.getItem(entity1.getId(), 0).orElseThrow();
            assertThat(item1.data()).asString(UTF_8).contains("bar1");

            // With encryption enabled, application state is not visible in the database.
            SequencedItem item2 = records.getItem(entity3.getId(), 0).orElseThrow();
            assertThat(item2.data()).asString(UTF_8).doesNotContain("secret info");

            // Events are decrypted inside the application.
            Example retrievedEntity = app.exampleRepository.get(entity3.getId());
            assertThat(retrievedEntity.getFoo()).contains("secret info");
        }
        // end::step4[]
    }

    @Test
    @Order(5)
    void step5OptimisticConcurrencyControl() {
        // tag::step5[]
        try (Application app = new Application(dataSource)) {
            Example a = app.exampleRepository.get(entity1.getId());
            Example b = app.exampleRepository.get(entity1.getId());

            a.setFoo("bar6");

            assertThatThrownBy(() -> b.setFoo("bar7")).isInstanceOf(ConcurrencyException.class);

            Example refreshed = app.exampleRepository.get(entity1.getId());
            assertThat(refreshed.getFoo()).isEqualTo("bar6");

            refreshed.setFoo("bar7");
            assertThat(app.exampleRepository.get(entity1.getId()).getFoo()).isEqualTo("bar7");

            assertThatThrownBy(() -> a.setFoo("bar8")).isInstanceOf(ConcurrencyException.class);
        }
        // end::step5[]
    }

    // tag::stored-events-application[]
    /** Step 6's application: the same, on the stored_events schema. */
    static class StoredEventsApplication extends EventSourcedApplication {

        final EventSourcedRepository<Example> exampleRepository;

        StoredEventsApplication(DataSource dataSource) {
            super(new EventStore(new JdbcActiveRecordStrategy(dataSource, SequencedItemTable.STORED_EVENTS),
                    SequencedItemMapper.create()));
            exampleRepository = repository(Example::mutate);
        }
    }
    // end::stored-events-application[]

    @Test
    @Order(6)
    void step6AlternativeDatabaseSchema() {
        // tag::step6[]
        try (StoredEventsApplication app = new StoredEventsApplication(dataSource)) {
            Example entity4 = Example.createNewExample("bar9");
            assertThat(app.exampleRepository.contains(entity4.getId())).isTrue();
            assertThat(app.exampleRepository.get(entity4.getId()).getFoo()).isEqualTo("bar9");

            entity4.setFoo("bar10");
            assertThat(app.exampleRepository.get(entity4.getId()).getFoo()).isEqualTo("bar10");

            entity4.discard();
            assertThat(app.exampleRepository.contains(entity4.getId())).isFalse();
            assertThatThrownBy(() -> app.exampleRepository.get(entity4.getId()))
                    .isInstanceOf(NoSuchElementException.class);
            assertThat(app.getEventStore().getActiveRecordStrategy().getItems(entity4.getId())).hasSize(3);
        }
        // end::step6[]
    }

    // tag::ddd-application[]
    /** Step 7's application: aggregates, on the stored_events schema. */
    static class DddApplication extends EventSourcedApplication {

        final EventSourcedRepository<ExampleAggregateRoot> aggregateRepository;

        DddApplication(DataSource dataSource) {
            super(new EventStore(new JdbcActiveRecordStrategy(dataSource, SequencedItemTable.STORED_EVENTS),
                    SequencedItemMapper.create()));
            aggregateRepository = repository(Mutator.ofEntityClass(ExampleAggregateRoot.class));
        }

        ExampleAggregateRoot createExampleAggregate() {
            return ExampleAggregateRoot.create();
        }
    }
    // end::ddd-application[]

    @Test
    @Order(7)
    void step7AggregatesInDomainDrivenDesign() {
        // tag::step7[]
        try (DddApplication app = new DddApplication(dataSource)) {
            ExampleAggregateRoot aggregate1 = app.createExampleAggregate();
            aggregate1.save();
            assertThat(app.aggregateRepository.contains(aggregate1.getId())).isTrue();
            assertThat(aggregate1.countEntities()).isZero();

            aggregate1.createNewEntity();
            assertThat(aggregate1.countEntities()).isEqualTo(1);
            assertThat(app.aggregateRepository.get(aggregate1.getId()).countEntities()).isZero();

            aggregate1.save();
            assertThat(app.aggregateRepository.get(aggregate1.getId()).countEntities()).isEqualTo(1);

            aggregate1.createNewEntity();
            aggregate1.createNewEntity();
            aggregate1.save();
            assertThat(app.aggregateRepository.get(aggregate1.getId()).countEntities()).isEqualTo(3);

            aggregate1.discard();
            assertThat(app.aggregateRepository.contains(aggregate1.getId())).isTrue();

            aggregate1.save();
            assertThat(app.aggregateRepository.contains(aggregate1.getId())).isFalse();
        }
        // end::step7[]
    }
}
