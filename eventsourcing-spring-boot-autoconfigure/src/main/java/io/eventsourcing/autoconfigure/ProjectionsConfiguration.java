package io.eventsourcing.autoconfigure;

import io.eventsourcing.domain.EventBus;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.jdbc.FlywaySchemaMigration;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.JdbcDialect;
import io.eventsourcing.infrastructure.jdbc.JdbcProjectionPositions;
import io.eventsourcing.infrastructure.jdbc.PostgresLogNotifications;
import io.eventsourcing.projection.LogNotifications;
import io.eventsourcing.projection.Projection;
import io.eventsourcing.projection.ProjectionPositions;
import io.eventsourcing.projection.ProjectionSettings;
import io.eventsourcing.projection.Projections;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
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

    /** LISTEN/NOTIFY when the events are in a table of PostgreSQL; none otherwise. */
    @Bean
    @ConditionalOnMissingBean
    LogNotifications logNotifications(ActiveRecordStrategy store, DataSource dataSource) {
        if (store instanceof JdbcActiveRecordStrategy jdbc && jdbc.getDialect() == JdbcDialect.POSTGRESQL) {
            return new PostgresLogNotifications(dataSource, jdbc.getTable());
        }
        return LogNotifications.none();
    }

    @Bean
    @ConditionalOnMissingBean
    ProjectionsLifecycle projectionsLifecycle(Projections projections, EventBus eventBus,
                                              LogNotifications logNotifications) {
        return new ProjectionsLifecycle(projections, eventBus, logNotifications);
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

    /** The configured id, or the host's name (as containers set it), the process id and a random suffix. */
    private static String instanceId(EventSourcingProperties.Projections properties) {
        if (properties.getInstanceId() != null) {
            return properties.getInstanceId();
        }
        String host = Objects.requireNonNullElse(System.getenv("HOSTNAME"), "host");
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
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
