package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.application.PersistencePolicy;
import io.eventsourcing.autoconfigure.sample.Basket;
import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.domain.EventBus;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.EventSequencing;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.TopicResolver;
import io.eventsourcing.infrastructure.codec.Cipher;
import io.eventsourcing.infrastructure.codec.Compressor;
import io.eventsourcing.infrastructure.codec.EventTooLargeException;
import io.eventsourcing.infrastructure.codec.JacksonTranscoder;
import io.eventsourcing.infrastructure.codec.Transcoder;
import io.eventsourcing.infrastructure.codec.ZlibCompressor;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.json.JsonMapper;

class EventSourcingAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class);

    @Test
    void wiresTheStoreOnTheDataSourceByDefault() {
        contextRunner.run(context -> {
            assertThat(context).hasSingleBean(JdbcActiveRecordStrategy.class)
                    .hasSingleBean(EventSourcingSchemaInitializer.class)
                    .hasSingleBean(SequencedItemMapper.class)
                    .hasSingleBean(TopicResolver.class)
                    .hasSingleBean(EventStore.class)
                    .hasSingleBean(EventBus.class)
                    .hasSingleBean(PersistencePolicy.class)
                    .hasSingleBean(DomainEventSubscriptions.class)
                    .doesNotHaveBean(Cipher.class);
            assertThat(context.getBean(JdbcActiveRecordStrategy.class).getTable())
                    .isEqualTo(SequencedItemTable.SEQUENCED_ITEMS);
            assertThat(context.getBean(PersistencePolicy.class).isSubscribed()).isTrue();
        });
    }

    @Test
    void sequencesEventsByOriginatorSoThatEntitiesAndAggregatesShareTheTable() {
        contextRunner.run(context -> {
            assertThat(context.getBean(SequencedItemMapper.class).getSequencing())
                    .isEqualTo(EventSequencing.ORIGINATOR);

            RepositoryBeans.save(context, Counter.create("entity"));
            RepositoryBeans.save(context, Basket.create());

            assertThat(StoredRows.count(context.getBean(DataSource.class), "sequenced_items")).isEqualTo(2);
        });
    }

    @Test
    void eventDataIsJsonWithoutTheColumnsAttributesAndUncompressedByDefault() {
        contextRunner.run(context -> {
            assertThat(context).hasSingleBean(Transcoder.class).doesNotHaveBean(Compressor.class);
            Counter counter = RepositoryBeans.save(context, Counter.create("plain"));

            assertThat(StoredRows.data(context.getBean(DataSource.class), "sequenced_items")).singleElement()
                    .asString().startsWith("{").contains("\"name\":\"plain\"").doesNotContain("originator")
                    .doesNotContain(counter.getId().toString());
        });
    }

    @Test
    void compressionByPropertyCompressesEventsAndSnapshots() {
        contextRunner.withPropertyValues("eventsourcing.compression=zlib").run(context -> {
            assertThat(context).hasSingleBean(ZlibCompressor.class);
            Counter counter = RepositoryBeans.save(context, Counter.create("compressed ".repeat(100)));
            RepositoryBeans.of(context, Counter.class).takeSnapshot(counter.getId());

            DataSource dataSource = context.getBean(DataSource.class);
            assertThat(StoredRows.data(dataSource, "sequenced_items")).singleElement().asString()
                    .startsWith("\u0002").hasSizeLessThan(200);
            assertThat(StoredRows.data(dataSource, "snapshots")).singleElement().asString().startsWith("\u0002");
            assertThat(RepositoryBeans.of(context, Counter.class).get(counter.getId()).getName())
                    .isEqualTo("compressed ".repeat(100));
        });
    }

    @Test
    void zstdCompressionByPropertyNeedsItsLibrary() {
        contextRunner.withPropertyValues("eventsourcing.compression=zstd").run(context -> {
            assertThat(context).hasSingleBean(Compressor.class);
            Counter counter = RepositoryBeans.save(context, Counter.create("compressed ".repeat(100)));

            assertThat(StoredRows.data(context.getBean(DataSource.class), "sequenced_items")).singleElement()
                    .asString().startsWith("\u0003").hasSizeLessThan(200);
            assertThat(RepositoryBeans.of(context, Counter.class).get(counter.getId()).getName())
                    .isEqualTo("compressed ".repeat(100));
        });
        contextRunner.withPropertyValues("eventsourcing.compression=zstd")
                .withClassLoader(new FilteredClassLoader("com.github.luben.zstd")).run(context ->
                        assertThat(context).hasFailed().getFailure().hasMessageContaining("Invalid property "
                                + "eventsourcing.compression: zstd needs com.github.luben:zstd-jni on the class path"));
    }

    @Test
    void eventsLargerThanTheMaximumSizeAreRefusedAndNothingIsStored() {
        contextRunner.withPropertyValues("eventsourcing.max-event-size=200B").run(context -> {
            RepositoryBeans.save(context, Counter.create("small"));

            assertThatThrownBy(() -> RepositoryBeans.save(context, Counter.create("large ".repeat(40))))
                    .isInstanceOf(EventTooLargeException.class)
                    .hasMessageContaining("more than the 200 an event may have");
            assertThat(StoredRows.count(context.getBean(DataSource.class), "sequenced_items")).isEqualTo(1);
        });
        contextRunner.withPropertyValues("eventsourcing.max-event-size=1GB").run(context ->
                assertThat(context).hasFailed().getFailure().hasMessageContaining(
                        "Invalid property eventsourcing.max-event-size: must be from 1B to 256MB, was 1073741824B"));
    }

    @Test
    void sequencingAttributesComeFromProperties() {
        contextRunner.withPropertyValues("eventsourcing.sequencing.sequence-id-attribute=accountId",
                "eventsourcing.sequencing.position-attribute=accountVersion").run(context ->
                assertThat(context.getBean(SequencedItemMapper.class).getSequencing())
                        .isEqualTo(new EventSequencing("accountId", "accountVersion")));
    }

    @Test
    void storesTheTopicsOfAnnotatedEventClassesOfTheApplicationsPackages() {
        contextRunner.run(context -> {
            RepositoryBeans.save(context, Counter.create("topic"));

            assertThat(StoredRows.topics(context.getBean(DataSource.class), "sequenced_items", "topic"))
                    .containsExactly("counter-created");
            assertThat(context.getBean(TopicResolver.class).classOf("counter-created"))
                    .isEqualTo(Counter.Created.class);
        });
    }

    @Test
    void initializeSchemaOffLeavesTheTableToTheApplication() {
        contextRunner.withPropertyValues("eventsourcing.jdbc.initialize-schema=false").run(context -> {
            assertThat(context).hasSingleBean(EventStore.class).doesNotHaveBean(EventSourcingSchemaInitializer.class);
            assertThat(StoredRows.tableExists(context.getBean(DataSource.class), "sequenced_items")).isFalse();
        });
    }

    @Test
    void withoutFlywayTheTableIsLeftToTheApplication() {
        contextRunner.withClassLoader(new FilteredClassLoader(Flyway.class)).run(context -> {
            assertThat(context).hasSingleBean(EventStore.class).doesNotHaveBean(EventSourcingSchemaInitializer.class);
            assertThat(StoredRows.tableExists(context.getBean(DataSource.class), "sequenced_items")).isFalse();
        });
    }

    @Test
    void backsOffWithoutTheLibraryOnTheClassPath() {
        contextRunner.withClassLoader(new FilteredClassLoader(EventStore.class)).run(context ->
                assertThat(context).hasSingleBean(DataSource.class).doesNotHaveBean(EventSourcingProperties.class)
                        .doesNotHaveBean(ActiveRecordStrategy.class));
    }

    @Test
    void withoutTheJdbcModuleADataSourceIsNotUsed() {
        contextRunner.withClassLoader(new FilteredClassLoader(JdbcActiveRecordStrategy.class)).run(context ->
                assertThat(context).hasNotFailed().hasSingleBean(DataSource.class)
                        .doesNotHaveBean(ActiveRecordStrategy.class).doesNotHaveBean(EventStore.class));
    }

    @Test
    void backsOffWithoutADataSource() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EventSourcingAutoConfiguration.class))
                .withUserConfiguration(SampleDomainConfiguration.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EventSourcingProperties.class)
                        .doesNotHaveBean(EventStore.class).doesNotHaveBean(PersistencePolicy.class));
    }

    @Test
    void disabledByProperty() {
        contextRunner.withPropertyValues("eventsourcing.enabled=false").run(context ->
                assertThat(context).hasSingleBean(DataSource.class).doesNotHaveBean(EventSourcingProperties.class)
                        .doesNotHaveBean(EventStore.class).doesNotHaveBean(PersistencePolicy.class)
                        .doesNotHaveBean("counterRepository"));
    }

    @Test
    void unknownStoreFailsStartupNamingTheProperty() {
        contextRunner.withPropertyValues("eventsourcing.store=mongodb").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessage("Invalid property eventsourcing.store: must be auto, jdbc or cassandra, was 'mongodb'"));
    }

    @Test
    void unknownStoreIsIgnoredWhenDisabled() {
        contextRunner.withPropertyValues("eventsourcing.store=mongodb", "eventsourcing.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(EventStore.class));
    }

    @Test
    void backsOffForTheApplicationsEventStore() {
        contextRunner.withUserConfiguration(ApplicationEventStoreConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(EventStore.class);
            assertThat(context.getBean(EventStore.class)).isSameAs(context.getBean("applicationEventStore"));
            assertThat(context.getBean(PersistencePolicy.class).isSubscribed()).isTrue();
        });
    }

    @Test
    void backsOffForTheApplicationsActiveRecordStrategy() {
        contextRunner.withUserConfiguration(ApplicationStorageConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(ActiveRecordStrategy.class);
            assertThat(context.getBean(EventStore.class).getActiveRecordStrategy())
                    .isSameAs(context.getBean("applicationStorage"));
        });
    }

    @Test
    void malformedTableNameFailsStartupNamingTheProperty() {
        contextRunner.withPropertyValues("eventsourcing.jdbc.table=events; DROP TABLE users").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("Invalid property eventsourcing.jdbc.table: table must be a plain"));
    }

    @Test
    void malformedColumnNameFailsStartupNamingTheProperty() {
        contextRunner.withPropertyValues("eventsourcing.jdbc.sequence-id-column=Sequence-Id").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("Invalid property eventsourcing.jdbc.sequence-id-column: sequenceId"));
    }

    @Test
    void anH2FileDatabaseThatWouldLoseCommitsFailsStartupNamingTheUrlAndTheSetting(@TempDir Path directory) {
        contextRunner.withPropertyValues("spring.datasource.url=jdbc:h2:file:" + directory.resolve("app")).run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("Invalid property spring.datasource.url: url names the H2 database file")
                        .hasMessageContaining("WRITE_DELAY=500")
                        .hasMessageContaining("add ;WRITE_DELAY=0 to the JDBC URL"));
        contextRunner.withPropertyValues("spring.datasource.url=jdbc:h2:file:" + directory.resolve("app")
                + ";WRITE_DELAY=0").run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void malformedSequencingAttributeFailsStartupNamingTheProperty() {
        contextRunner.withPropertyValues("eventsourcing.sequencing.position-attribute=version()").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("Invalid property eventsourcing.sequencing.position-attribute"));
    }

    @Test
    void customizersApplyInTheirOrderAfterTheProperties() {
        contextRunner.withUserConfiguration(CustomizerConfiguration.class).run(context ->
                assertThat(context.getBean(SequencedItemMapper.class).getSequencing())
                        .isEqualTo(CustomizerConfiguration.SECOND));
    }

    @Test
    void storeBeansWaitForTheSchemaInitializer() {
        contextRunner.run(context -> {
            for (String bean : new String[] {"jdbcActiveRecordStrategy", "eventStore", "counterRepository"}) {
                assertThat(context.getBeanFactory().getBeanDefinition(bean).getDependsOn())
                        .as(bean).contains("eventSourcingSchemaInitializer");
            }
        });
    }

    @Test
    void migratesBesideTheApplicationsOwnFlywayAfterIt() {
        contextRunner.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
                .withPropertyValues("spring.flyway.locations=classpath:db/sample").run(context -> {
                    DataSource dataSource = context.getBean(DataSource.class);
                    for (String table : new String[] {"orders", "flyway_schema_history", "sequenced_items",
                            "sequenced_items_schema_history"}) {
                        assertThat(StoredRows.tableExists(dataSource, table)).as(table).isTrue();
                    }
                    assertThat(context.getBeanFactory().getBeanDefinition("eventSourcingSchemaInitializer")
                            .getDependsOn()).contains("flywayInitializer");
                    assertThat(context.getBeanFactory().getBeanDefinition("eventStore").getDependsOn())
                            .contains("flyway", "flywayInitializer", "eventSourcingSchemaInitializer");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class ApplicationEventStoreConfiguration {

        @Bean
        EventStore applicationEventStore(ActiveRecordStrategy activeRecordStrategy) {
            return new EventStore(activeRecordStrategy, SequencedItemMapper.create());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ApplicationStorageConfiguration {

        @Bean
        JdbcActiveRecordStrategy applicationStorage(DataSource dataSource) {
            return new JdbcActiveRecordStrategy(dataSource, SequencedItemTable.STORED_EVENTS);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomizerConfiguration {

        static final EventSequencing FIRST = new EventSequencing("firstId", "firstVersion");
        static final EventSequencing SECOND = new EventSequencing("secondId", "secondVersion");

        @Bean
        @Order(2)
        SequencedItemMapperCustomizer secondSequencing() {
            return builder -> builder.sequencing(SECOND).transcoder(new JacksonTranscoder(JsonMapper.shared(), SECOND));
        }

        @Bean
        @Order(1)
        SequencedItemMapperCustomizer firstSequencing() {
            return builder -> builder.sequencing(FIRST).transcoder(new JacksonTranscoder(JsonMapper.shared(), FIRST));
        }
    }
}
