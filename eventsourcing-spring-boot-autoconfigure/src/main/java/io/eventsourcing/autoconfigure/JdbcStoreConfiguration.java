package io.eventsourcing.autoconfigure;

import io.eventsourcing.dcb.DcbEventStore;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.InvalidSettingException;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.JdbcDataKeyStore;
import io.eventsourcing.infrastructure.jdbc.JdbcDcbEventStore;
import io.eventsourcing.infrastructure.jdbc.JdbcDialect;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import io.eventsourcing.infrastructure.shredding.DataKeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The JDBC storage of events on the application's data source, and the library's schema migrations, when the
 * eventsourcing-jdbc module is there.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(StoreConditions.OnJdbc.class)
class JdbcStoreConfiguration {

    /**
     * Appends in transactions of the application's transaction manager, so that a save joins a surrounding
     * {@code @Transactional} method; in transactions of its own on the data source when there is none.
     */
    @Bean
    @ConditionalOnMissingBean(ActiveRecordStrategy.class)
    JdbcActiveRecordStrategy jdbcActiveRecordStrategy(DataSource dataSource, EventSourcingProperties properties,
                                                      ObjectProvider<PlatformTransactionManager> transactionManager) {
        return store(dataSource, sequencedItemTable(properties), transactionManager);
    }

    /**
     * A store of items in a table of the data source, in transactions of the application's transaction manager;
     * an embedded database that would lose commits is refused, naming {@code spring.datasource.url}.
     */
    static JdbcActiveRecordStrategy store(DataSource dataSource, SequencedItemTable table,
                                          ObjectProvider<PlatformTransactionManager> transactionManager) {
        try {
            return new JdbcActiveRecordStrategy(dataSource, table, JdbcDialect.of(dataSource),
                    transactionManager.getIfUnique(() -> new JdbcTransactionManager(dataSource)));
        } catch (InvalidSettingException e) {
            throw ConfigurationException.ofSetting("spring.datasource", e);
        }
    }

    /**
     * The event store of dynamic consistency boundaries on the events table, whose appends reach the context's
     * {@code @EventListener} methods and wake its projections.
     */
    @Bean
    @ConditionalOnMissingBean(DcbEventStore.class)
    @ConditionalOnBean(JdbcActiveRecordStrategy.class)
    @ConditionalOnBooleanProperty(name = "eventsourcing.dcb.enabled", matchIfMissing = true)
    DcbEventStore dcbEventStore(JdbcActiveRecordStrategy store, SequencedItemMapper mapper,
                                ApplicationEventPublisher publisher, ObjectProvider<ProjectionsLifecycle> projections) {
        return new PublishingDcbEventStore(new JdbcDcbEventStore(store, mapper),
                new ApplicationEventPublishingHandler(publisher),
                () -> projections.ifAvailable(ProjectionsLifecycle::appended));
    }

    /** The data subjects' keys of crypto-shredding, in the table {@code <table>_data_keys} beside the events. */
    @Bean
    @ConditionalOnMissingBean(DataKeyStore.class)
    @ConditionalOnBean(JdbcActiveRecordStrategy.class)
    @ConditionalOnBooleanProperty(CryptoShreddingConfiguration.ENABLED)
    JdbcDataKeyStore jdbcDataKeyStore(JdbcActiveRecordStrategy store) {
        return new JdbcDataKeyStore(store);
    }

    static SequencedItemTable sequencedItemTable(EventSourcingProperties properties) {
        EventSourcingProperties.Jdbc jdbc = properties.getJdbc();
        try {
            return new SequencedItemTable(jdbc.getTable(), jdbc.getSequenceIdColumn(), jdbc.getPositionColumn(),
                    jdbc.getTopicColumn(), jdbc.getDataColumn());
        } catch (InvalidSettingException e) {
            throw ConfigurationException.ofSetting("eventsourcing.jdbc", e);
        }
    }

    /** The table of snapshots: the events table's column names, under the snapshots' table name. */
    static SequencedItemTable snapshotTable(EventSourcingProperties properties) {
        SequencedItemTable events = sequencedItemTable(properties);
        try {
            return new SequencedItemTable(properties.getSnapshots().getTable(), events.sequenceIdColumn(),
                    events.positionColumn(), events.topicColumn(), events.dataColumn());
        } catch (InvalidSettingException e) {
            throw ConfigurationException.ofSetting("eventsourcing.snapshots", e);
        }
    }

    /** Without Flyway on the class path, or with the property off, the application manages the table itself. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Flyway.class)
    @ConditionalOnBooleanProperty(name = "eventsourcing.jdbc.initialize-schema", matchIfMissing = true)
    static class SchemaInitializationConfiguration {

        @Bean
        @ConditionalOnMissingBean
        EventSourcingSchemaInitializer eventSourcingSchemaInitializer(DataSource dataSource,
                                                                      EventSourcingProperties properties) {
            SequencedItemTable events = sequencedItemTable(properties);
            List<SequencedItemTable> tables = new ArrayList<>(List.of(events));
            if (properties.getSnapshots().isEnabled()) {
                tables.add(snapshotTable(properties));
            }
            return new EventSourcingSchemaInitializer(dataSource, tables,
                    properties.getDcb().isEnabled() ? List.of(events) : List.of(),
                    properties.getCryptoShredding().isEnabled() ? List.of(events) : List.of());
        }
    }
}
