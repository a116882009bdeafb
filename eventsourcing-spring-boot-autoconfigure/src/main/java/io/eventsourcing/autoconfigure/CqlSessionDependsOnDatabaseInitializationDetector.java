package io.eventsourcing.autoconfigure;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.util.ClassUtils;

/**
 * Tells Spring Boot that the application's CqlSession needs the database initialized: a session that names
 * the keyspace which the {@link CassandraSchemaInitializer} creates cannot open before it exists. Finds
 * nothing without the Cassandra driver.
 */
class CqlSessionDependsOnDatabaseInitializationDetector
        extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    private static final String CQL_SESSION = "com.datastax.oss.driver.api.core.CqlSession";

    static boolean driverPresent() {
        return ClassUtils.isPresent(CQL_SESSION, CqlSessionDependsOnDatabaseInitializationDetector.class.getClassLoader());
    }

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        if (!driverPresent()) {
            return Set.of();
        }
        return Set.of(ClassUtils.resolveClassName(CQL_SESSION,
                CqlSessionDependsOnDatabaseInitializationDetector.class.getClassLoader()));
    }
}
