package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.EventSequencing;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.codec.Cipher;
import io.eventsourcing.infrastructure.codec.Compressor;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.shredding.SubjectKeys;
import io.eventsourcing.infrastructure.snapshot.EventSourcedSnapshotStrategy;
import io.eventsourcing.infrastructure.snapshot.SnapshotPolicy;
import io.eventsourcing.infrastructure.snapshot.SnapshotStrategy;
import io.eventsourcing.infrastructure.upcasting.Upcaster;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Snapshots in their own table, written by the application's Jackson mapper and encrypted whenever a
 * cipher is configured (and under its entity's own key when the entity is a data subject of crypto-shredding), and the policy that takes them automatically. On a data source, inside an
 * application's transaction a snapshot is written in a nested one, so that it commits with its events and a
 * failure leaves them be. On Cassandra, {@link CassandraStoreConfiguration} gives the strategy.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "eventsourcing.snapshots.enabled", matchIfMissing = true)
class SnapshotConfiguration {

    /**
     * The strategy on a store of snapshot items, with the application's Jackson mapper, compressor and cipher (snapshots
     * are JSON whatever transcoder events have), and its upcasters, for the states of entity classes of a new
     * schema version.
     */
    static EventSourcedSnapshotStrategy snapshotStrategy(ActiveRecordStrategy snapshotItems,
                                                         ObjectProvider<JsonMapper> jsonMapper,
                                                         ObjectProvider<Compressor> compressor,
                                                         ObjectProvider<Cipher> cipher,
                                                         ObjectProvider<SubjectKeys> subjectKeys,
                                                         ObjectProvider<Upcaster> upcasters) {
        JsonMapper eventJsonMapper = SequencedItemMapperConfiguration.eventJsonMapper(jsonMapper);
        SequencedItemMapper snapshotMapper = SequencedItemMapper.builder()
                .jsonMapper(eventJsonMapper)
                .sequencing(EventSequencing.TIMESTAMPED)
                .compressor(compressor.getIfAvailable())
                .cipher(cipher.getIfAvailable())
                .subjectKeys(subjectKeys.getIfAvailable())
                .upcasters(upcasters.orderedStream().toList())
                .build();
        return new EventSourcedSnapshotStrategy(new EventStore(snapshotItems, snapshotMapper), eventJsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    SnapshotPolicy snapshotPolicy(EventSourcingProperties properties) {
        long period = properties.getSnapshots().getPeriod();
        if (period < 0) {
            throw new ConfigurationException("eventsourcing.snapshots.period", "must be 0 (off) or more, was " + period,
                    null);
        }
        return period == 0 ? SnapshotPolicy.never() : SnapshotPolicy.everyNEvents(period);
    }

    /** Snapshots in a table of the application's data source. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(StoreConditions.OnJdbc.class)
    static class JdbcSnapshotsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        SnapshotStrategy snapshotStrategy(DataSource dataSource, EventSourcingProperties properties,
                                          ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<Compressor> compressor,
                                          ObjectProvider<Cipher> cipher, ObjectProvider<SubjectKeys> subjectKeys,
                                          ObjectProvider<PlatformTransactionManager> transactionManager,
                                          ObjectProvider<Upcaster> upcasters) {
            JdbcActiveRecordStrategy snapshotItems = JdbcStoreConfiguration
                    .store(dataSource, JdbcStoreConfiguration.snapshotTable(properties), transactionManager)
                    .inNestedTransactions();
            return SnapshotConfiguration.snapshotStrategy(snapshotItems, jsonMapper, compressor, cipher, subjectKeys,
                    upcasters);
        }
    }
}
