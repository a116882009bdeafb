package io.eventsourcing.autoconfigure;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.InvalidSettingException;
import io.eventsourcing.infrastructure.cassandra.CassandraActiveRecordStrategy;
import io.eventsourcing.infrastructure.cassandra.CassandraConsistency;
import io.eventsourcing.infrastructure.cassandra.CassandraDataKeyStore;
import io.eventsourcing.infrastructure.cassandra.CassandraTables;
import io.eventsourcing.infrastructure.codec.Cipher;
import io.eventsourcing.infrastructure.codec.Compressor;
import io.eventsourcing.infrastructure.shredding.DataKeyStore;
import io.eventsourcing.infrastructure.shredding.SubjectKeys;
import io.eventsourcing.infrastructure.snapshot.SnapshotStrategy;
import io.eventsourcing.infrastructure.upcasting.Upcaster;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.cassandra.autoconfigure.DriverConfigLoaderBuilderCustomizer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The storage of events on Apache Cassandra, through the application's {@link CqlSession}: its keyspace and
 * consistency levels come from Spring Boot's {@code spring.cassandra.*} properties unless
 * {@code eventsourcing.cassandra.*} says otherwise; tables (and, when asked, the keyspace) are created at
 * startup.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ CassandraActiveRecordStrategy.class, CqlSession.class })
@Conditional(StoreConditions.OnCassandra.class)
class CassandraStoreConfiguration {

    private static final String PREFIX = "eventsourcing.cassandra";

    @Bean
    @ConditionalOnMissingBean(ActiveRecordStrategy.class)
    CassandraActiveRecordStrategy cassandraActiveRecordStrategy(CqlSession session, EventSourcingProperties properties,
                                                                Environment environment,
                                                                CassandraConsistency cassandraConsistency) {
        return store(session, tables(properties, environment), properties, cassandraConsistency);
    }

    /** The data subjects' keys of crypto-shredding, in the table {@code <table>_data_keys} beside the events'. */
    @Bean
    @ConditionalOnMissingBean(DataKeyStore.class)
    @ConditionalOnBean(CassandraActiveRecordStrategy.class)
    @ConditionalOnBooleanProperty(CryptoShreddingConfiguration.ENABLED)
    CassandraDataKeyStore cassandraDataKeyStore(CassandraActiveRecordStrategy store) {
        return new CassandraDataKeyStore(store);
    }

    /** A store of the given tables with the settle time of eventsourcing.cassandra.settle-time. */
    static CassandraActiveRecordStrategy store(CqlSession session, CassandraTables tables,
                                               EventSourcingProperties properties, CassandraConsistency consistency) {
        try {
            return new CassandraActiveRecordStrategy(session, tables, consistency,
                    properties.getCassandra().getSettleTime());
        } catch (InvalidSettingException e) {
            throw ConfigurationException.ofSetting(PREFIX, e);
        }
    }

    /** spring.cassandra.request.consistency and serial-consistency where set; else LOCAL_QUORUM and SERIAL. */
    @Bean
    @ConditionalOnMissingBean
    CassandraConsistency cassandraConsistency(Environment environment) {
        Binder binder = Binder.get(environment);
        ConsistencyLevel consistency = binder.bind("spring.cassandra.request.consistency",
                DefaultConsistencyLevel.class).orElse(null);
        ConsistencyLevel serialConsistency = binder.bind("spring.cassandra.request.serial-consistency",
                DefaultConsistencyLevel.class).orElse(null);
        try {
            return new CassandraConsistency(
                    consistency == null ? CassandraConsistency.DEFAULT.consistency() : consistency,
                    serialConsistency == null ? CassandraConsistency.DEFAULT.serialConsistency() : serialConsistency);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("spring.cassandra.request", String.valueOf(e.getMessage()), e);
        }
    }

    /** Needs Spring Boot's session builder, to open a session of its own before the application's exists. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(CqlSessionBuilder.class)
    @ConditionalOnBooleanProperty(name = PREFIX + ".initialize-schema", matchIfMissing = true)
    CassandraSchemaInitializer cassandraSchemaInitializer(ObjectProvider<CqlSessionBuilder> sessionBuilder,
                                                          EventSourcingProperties properties,
                                                          Environment environment) {
        EventSourcingProperties.Cassandra cassandra = properties.getCassandra();
        List<CassandraTables> tables = new ArrayList<>(List.of(tables(properties, environment)));
        if (properties.getSnapshots().isEnabled()) {
            tables.add(snapshotTables(properties, environment));
        }
        CassandraSchemaInitializer.KeyspaceCreation keyspaceCreation = null;
        if (cassandra.isCreateKeyspace()) {
            try {
                keyspaceCreation = new CassandraSchemaInitializer.KeyspaceCreation(keyspace(properties, environment),
                        cassandra.getReplicationFactor(), cassandra.getReplication());
            } catch (InvalidSettingException e) {
                throw ConfigurationException.ofSetting(PREFIX, e);
            }
        }
        return new CassandraSchemaInitializer(sessionBuilder::getObject, keyspaceCreation, tables);
    }

    static CassandraTables tables(EventSourcingProperties properties, Environment environment) {
        try {
            return new CassandraTables(keyspace(properties, environment), properties.getCassandra().getTable());
        } catch (InvalidSettingException e) {
            throw ConfigurationException.ofSetting(PREFIX, e);
        }
    }

    static CassandraTables snapshotTables(EventSourcingProperties properties, Environment environment) {
        String keyspace = tables(properties, environment).keyspace();
        try {
            return new CassandraTables(keyspace, properties.getSnapshots().getTable());
        } catch (InvalidSettingException e) {
            throw ConfigurationException.ofSetting("eventsourcing.snapshots", e);
        }
    }

    /** eventsourcing.cassandra.keyspace, else spring.cassandra.keyspace-name. */
    private static String keyspace(EventSourcingProperties properties, Environment environment) {
        String keyspace = properties.getCassandra().getKeyspace();
        if (keyspace == null || keyspace.isBlank()) {
            keyspace = environment.getProperty("spring.cassandra.keyspace-name");
        }
        if (keyspace == null || keyspace.isBlank()) {
            throw new ConfigurationException(PREFIX + ".keyspace",
                    "must name the keyspace of the event store, or spring.cassandra.keyspace-name must", null);
        }
        return keyspace;
    }

    /**
     * Pins the driver to native protocol V4: driver 4.19 misreads protocol V5's reply to a lightweight
     * transaction that timed out, and closes the connection with every request in flight on it.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DriverConfigLoaderBuilderCustomizer.class)
    @ConditionalOnBooleanProperty(name = PREFIX + ".use-protocol-v4", matchIfMissing = true)
    static class ProtocolConfiguration {

        @Bean
        DriverConfigLoaderBuilderCustomizer eventSourcingProtocolVersion() {
            return builder -> builder.withString(DefaultDriverOption.PROTOCOL_VERSION, "V4");
        }
    }

    /** Snapshots in tables of their own, in the events' keyspace. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "eventsourcing.snapshots.enabled", matchIfMissing = true)
    static class SnapshotsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        SnapshotStrategy snapshotStrategy(CqlSession session, EventSourcingProperties properties,
                                          Environment environment, CassandraConsistency cassandraConsistency,
                                          ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<Compressor> compressor,
                                          ObjectProvider<Cipher> cipher, ObjectProvider<SubjectKeys> subjectKeys,
                                          ObjectProvider<Upcaster> upcasters) {
            return SnapshotConfiguration.snapshotStrategy(store(session, snapshotTables(properties, environment),
                    properties, cassandraConsistency), jsonMapper, compressor, cipher, subjectKeys, upcasters);
        }
    }
}
