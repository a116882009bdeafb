package io.eventsourcing.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Tells Spring Boot that an {@link EventSourcingSchemaInitializer} initializes the database, last of all
 * initializers: an application's own Flyway, run first on an empty database, would refuse a schema that
 * already held the library's table, while the library's migrations accept a schema that is not empty.
 */
class EventSourcingSchemaInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(EventSourcingSchemaInitializer.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
