package io.eventsourcing.autoconfigure;

import io.eventsourcing.application.PersistencePolicy;
import io.eventsourcing.domain.EventBus;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of event sourcing on the application's {@link DataSource}, or on Apache Cassandra
 * ({@code eventsourcing.store}, see {@link StoreConditions}): the storage and its schema, the
 * {@link SequencedItemMapper}, the {@link EventStore}, the context's own {@link EventBus}, the
 * {@link PersistencePolicy} that stores every event published on it while the context runs, the
 * forwarding of those events to {@code @EventListener} methods, and a repository per entity type of the
 * application's packages, whose saves publish on that bus.
 * <p>
 * Every bean backs off when the application declares its own of the same type.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        afterName = { "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration" })
@ConditionalOnClass(EventStore.class)
@ConditionalOnBooleanProperty(name = "eventsourcing.enabled", matchIfMissing = true)
@Conditional({ StoreConditions.KnownStore.class, StoreConditions.OnAny.class })
@EnableConfigurationProperties(EventSourcingProperties.class)
@Import({ DatabaseInitializationDependencyConfigurer.class, CassandraStoreConfiguration.class,
        JdbcStoreConfiguration.class, SequencedItemMapperConfiguration.class, SnapshotConfiguration.class,
        CryptoShreddingConfiguration.class, EventSourcedRepositoryRegistrar.class, ProjectionsConfiguration.class })
public final class EventSourcingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventStore eventStore(ActiveRecordStrategy activeRecordStrategy, SequencedItemMapper sequencedItemMapper) {
        return new EventStore(activeRecordStrategy, sequencedItemMapper);
    }

    /** The context's own publish-subscribe mechanism, on which its repositories publish what they save. */
    @Bean
    @ConditionalOnMissingBean
    EventBus eventBus() {
        return new EventBus();
    }

    /** Unsubscribed until the context starts: {@link DomainEventSubscriptions} subscribes it. */
    @Bean
    @ConditionalOnMissingBean
    PersistencePolicy persistencePolicy(EventStore eventStore, EventBus eventBus) {
        return new PersistencePolicy(eventStore, eventBus);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "eventsourcing.projections.enabled", matchIfMissing = true)
    static UnrunProjectionsCheck unrunProjectionsCheck(ListableBeanFactory beans) {
        return new UnrunProjectionsCheck(beans);
    }

    @Bean
    @ConditionalOnMissingBean
    DomainEventSubscriptions domainEventSubscriptions(EventBus eventBus, PersistencePolicy persistencePolicy,
                                                      ApplicationEventPublisher applicationEventPublisher) {
        return new DomainEventSubscriptions(eventBus, persistencePolicy,
                new ApplicationEventPublishingHandler(applicationEventPublisher));
    }
}
