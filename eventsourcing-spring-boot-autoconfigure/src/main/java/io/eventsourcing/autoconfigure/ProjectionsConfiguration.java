package io.eventsourcing.autoconfigure;

import io.eventsourcing.domain.EventBus;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.jdbc.FlywaySchemaMigration;
import io.eventsourcing.infrastructure.jdbc.JdbcProjectionPositions;
import io.eventsourcing.projection.Projection;
import io.eventsourcing.projection.ProjectionPositions;
import io.eventsourcing.projection.ProjectionSettings;
import io.eventsourcing.projection.Projections;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The context's {@link Projection} beans, run by {@link Projections} while the context runs, with their
 * positions in a table of the application's data source, in transactions of its transaction manager: the
 * projections' own writes through that data source commit with their positions. The table is created while
 * the context starts, before the projections run.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcProjectionPositions.class)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = "eventsourcing.projections.enabled", matchIfMissing = true)
class ProjectionsConfiguration {

    private static final String PREFIX = "eventsourcing.projections";

    @Bean
    @ConditionalOnMissingBean(ProjectionPositions.class)
    JdbcProjectionPositions projectionPositions(DataSource dataSource, EventSourcingProperties properties,
                                                ObjectProvider<PlatformTransactionManager> transactionManager) {
        try {
            return new JdbcProjectionPositions(dataSource, properties.getProjections().getTable(),
                    transactionManager.getIfUnique(() -> new JdbcTransactionManager(dataSource)));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(PREFIX + ".table", e.getMessage(), e);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    Projections projections(EventStore eventStore, ProjectionPositions positions, ListableBeanFactory beans,
                            EventSourcingProperties properties) {
        List<Object> projections = List.copyOf(beans.getBeansWithAnnotation(Projection.class).values());
        return new Projections(eventStore, positions, projections, settings(properties.getProjections()),
                instanceId(properties.getProjections()));
    }

    @Bean
    @ConditionalOnMissingBean
    ProjectionsLifecycle projectionsLifecycle(Projections projections, EventBus eventBus) {
        return new ProjectionsLifecycle(projections, eventBus);
    }

    private static ProjectionSettings settings(EventSourcingProperties.Projections properties) {
        if (properties.getPageSize() < 1) {
            throw new ConfigurationException(PREFIX + ".page-size", "must be at least 1, was "
                    + properties.getPageSize(), null);
        }
        requirePositive("lease", properties.getLease());
        requirePositive("max-poll-interval", properties.getMaxPollInterval());
        return new ProjectionSettings(properties.getPageSize(), properties.getLease(),
                properties.getMaxPollInterval());
    }

    private static void requirePositive(String property, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new ConfigurationException(PREFIX + "." + property, "must be positive, was " + duration, null);
        }
    }

    private static String instanceId(EventSourcingProperties.Projections properties) {
        if (properties.getInstanceId() != null) {
            return properties.getInstanceId();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates the table of positions with the library's migration, unless the application manages it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Flyway.class)
    @ConditionalOnBooleanProperty(name = "eventsourcing.jdbc.initialize-schema", matchIfMissing = true)
    static class SchemaInitializationConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ProjectionPositionsSchemaInitializer projectionPositionsSchemaInitializer(DataSource dataSource,
                                                                                  JdbcProjectionPositions positions) {
            return new ProjectionPositionsSchemaInitializer(FlywaySchemaMigration.forProjections(dataSource,
                    positions));
        }
    }
}
