package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.codec.Cipher;
import io.eventsourcing.infrastructure.shredding.DataSubjects;
import io.eventsourcing.infrastructure.snapshot.SnapshotStrategy;
import io.eventsourcing.projection.Projections;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The event store's Actuator endpoints ({@code eventsourcing}, and {@code datasubjects} with crypto-shredding, exposed
 * like any other endpoint through {@code management.endpoints.web.exposure.include}) and health indicator ({@code eventsourcing}), when Spring Boot
 * Actuator is on the class path. The projections have their own, {@link ProjectionsActuatorAutoConfiguration}.
 */
@AutoConfiguration(after = EventSourcingAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(EventStore.class)
@Import(StoreInspectorConfiguration.class)
public final class EventSourcingActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    EventSourcingEndpoint eventSourcingEndpoint(StoreInspector store, EventSourcingProperties properties,
                                                ObjectProvider<Cipher> cipher,
                                                ObjectProvider<SnapshotStrategy> snapshots,
                                                ObjectProvider<Projections> projections) {
        return new EventSourcingEndpoint(store, properties, cipher, snapshots, projections);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(DataSubjects.class)
    @ConditionalOnAvailableEndpoint
    DataSubjectsEndpoint dataSubjectsEndpoint(DataSubjects dataSubjects) {
        return new DataSubjectsEndpoint(dataSubjects);
    }

    /** The health indicator, when Spring Boot's health module is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("eventsourcing")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "eventsourcingHealthIndicator")
        EventStoreHealthIndicator eventsourcingHealthIndicator(StoreInspector store) {
            return new EventStoreHealthIndicator(store);
        }
    }
}
