package io.eventsourcing.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Tells Spring Boot that a {@link CassandraSchemaInitializer} initializes the database, so that the beans that
 * depend on initialization (the application's CqlSession, the event store, the repositories) wait for it.
 * Finds nothing without the Cassandra driver.
 */
class CassandraSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return CqlSessionDependsOnDatabaseInitializationDetector.driverPresent()
                ? Set.of(CassandraSchemaInitializer.class) : Set.of();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
