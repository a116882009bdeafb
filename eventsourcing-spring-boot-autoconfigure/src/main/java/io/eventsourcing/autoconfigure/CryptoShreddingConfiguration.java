package io.eventsourcing.autoconfigure;

import io.eventsourcing.domain.EventHandler;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.codec.AESCipher;
import io.eventsourcing.infrastructure.shredding.DataKeyStore;
import io.eventsourcing.infrastructure.shredding.DataSubjects;
import io.eventsourcing.infrastructure.shredding.SubjectKeys;
import io.eventsourcing.infrastructure.snapshot.SnapshotStrategy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Crypto-shredding, on by {@code eventsourcing.crypto-shredding.enabled}: the data subjects' keys, wrapped under the
 * master key of {@code eventsourcing.cipher.key} in the store's {@link DataKeyStore} (a bean of the store's own
 * configuration), through which the mappers of events and snapshots encrypt personal data; and {@link DataSubjects},
 * which forgets a subject.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(CryptoShreddingConfiguration.ENABLED)
class CryptoShreddingConfiguration {

    static final String PREFIX = "eventsourcing.crypto-shredding";
    static final String ENABLED = PREFIX + ".enabled";

    @Bean
    @ConditionalOnMissingBean
    SubjectKeys subjectKeys(DataKeyStore dataKeyStore, ObjectProvider<AESCipher> master,
                            EventSourcingProperties properties) {
        AESCipher masterCipher = master.getIfUnique(() -> {
            throw new ConfigurationException("eventsourcing.cipher.key", "crypto-shredding wraps each data subject's"
                    + " key under this master key, and none is set", null);
        });
        EventSourcingProperties.CryptoShredding settings = properties.getCryptoShredding();
        if (settings.getKeyCacheSize() < 1) {
            throw new ConfigurationException(PREFIX + ".key-cache-size", "must be 1 or more, was "
                    + settings.getKeyCacheSize(), null);
        }
        if (settings.getKeyCacheTtl().isNegative() || settings.getKeyCacheTtl().isZero()) {
            throw new ConfigurationException(PREFIX + ".key-cache-ttl", "must be positive, was "
                    + settings.getKeyCacheTtl(), null);
        }
        return new SubjectKeys(dataKeyStore, masterCipher, settings.getKeyCacheSize(), settings.getKeyCacheTtl());
    }

    /** A master key other than the one that wrapped the stored keys fails the startup. */
    @Bean
    MasterKeyCheck masterKeyCheck(SubjectKeys subjectKeys) {
        return new MasterKeyCheck(subjectKeys);
    }

    /** Each forgetting reaches the context's {@code @EventListener} methods, and wakes its projections. */
    @Bean
    @ConditionalOnMissingBean
    DataSubjects dataSubjects(EventStore eventStore, ObjectProvider<SnapshotStrategy> snapshots,
                              ApplicationEventPublisher publisher, ObjectProvider<ProjectionsLifecycle> projections) {
        EventHandler listeners = new ApplicationEventPublishingHandler(publisher);
        return new DataSubjects(eventStore, snapshots.getIfAvailable(), events -> {
            listeners.handle(events);
            projections.ifAvailable(ProjectionsLifecycle::appended);
        });
    }
}
