package io.eventsourcing.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Tells Spring Boot that an {@link EventSourcingSchemaInitializer} initializes the database, last of all
 * initializers: an application's own Flyway, run first on an empty database, would refuse a schema that
 * already held the library's table, while the library's migrations accept a schema that is not empty. Finds
 * nothing without the eventsourcing-jdbc module.
 */
class EventSourcingSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return ClassUtils.isPresent("io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy",
                EventSourcingSchemaInitializerDetector.class.getClassLoader())
                ? Set.of(EventSourcingSchemaInitializer.class) : Set.of();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
