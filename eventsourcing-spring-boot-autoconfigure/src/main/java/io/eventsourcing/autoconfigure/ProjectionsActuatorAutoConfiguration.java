package io.eventsourcing.autoconfigure;

import io.eventsourcing.projection.Projections;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projections' Actuator endpoint ({@code projections}, exposed like any other endpoint through
 * {@code management.endpoints.web.exposure.include}) and health indicator ({@code projections}), when
 * Spring Boot Actuator is on the class path.
 */
@AutoConfiguration(after = EventSourcingAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(Projections.class)
public final class ProjectionsActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    ProjectionsEndpoint projectionsEndpoint(Projections projections) {
        return new ProjectionsEndpoint(projections);
    }

    /** The health indicator, when Spring Boot's health module is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("projections")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "projectionsHealthIndicator")
        ProjectionsHealthIndicator projectionsHealthIndicator(Projections projections) {
            return new ProjectionsHealthIndicator(projections);
        }
    }
}
