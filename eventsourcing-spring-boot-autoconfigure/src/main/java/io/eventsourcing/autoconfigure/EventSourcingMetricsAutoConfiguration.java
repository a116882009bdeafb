package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.codec.Cipher;
import io.eventsourcing.projection.Projections;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Micrometer metrics and observations of the event store, when the application has a {@link MeterRegistry} (as
 * Spring Boot Actuator gives it): appends and loads of each entity type's repository, observed (Spring Boot makes
 * timers and, with a tracer, spans of them) and counted; the cipher's failures; each projection's lag and errors.
 * Every meter is tagged by store; none by an entity's id.
 */
@AutoConfiguration(after = EventSourcingAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, ObservationRegistry.class })
@ConditionalOnBean({ EventStore.class, MeterRegistry.class })
@Import(StoreInspectorConfiguration.class)
public final class EventSourcingMetricsAutoConfiguration {

    /** Makes the repositories that the starter declares measured and traced. */
    @Bean
    @ConditionalOnMissingBean(RepositoryInstrumentation.class)
    ObservedRepositories observedRepositories(MeterRegistry meterRegistry,
                                              ObjectProvider<ObservationRegistry> observationRegistry,
                                              StoreInspector store) {
        return new ObservedRepositories(meterRegistry,
                observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP), store.description().name());
    }

    /** Counts the failures of the cipher of events; first, so that a customizer of the application's may replace it. */
    @Bean
    @ConditionalOnBean(Cipher.class)
    @ConditionalOnMissingBean(name = "cipherMetrics")
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SequencedItemMapperCustomizer cipherMetrics(Cipher cipher, MeterRegistry meterRegistry, StoreInspector store) {
        MeteredCipher metered = new MeteredCipher(cipher, meterRegistry, store.description().name());
        return builder -> builder.cipher(metered);
    }

    @Bean
    @ConditionalOnBean(Projections.class)
    @ConditionalOnMissingBean
    ProjectionMetrics projectionMetrics(Projections projections, EventStore eventStore, StoreInspector store) {
        return new ProjectionMetrics(projections, eventStore, store.description().name(), Clock.systemUTC());
    }
}
