package io.eventsourcing.autoconfigure;

import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Which store holds the events, by {@code eventsourcing.store}: {@code cassandra}; {@code jdbc} on the single
 * {@link DataSource} with the eventsourcing-jdbc module; or {@code auto} (the default): Cassandra when the
 * eventsourcing-cassandra module and a {@code CqlSession} bean are there, else the data source. Class names are strings, so that an application
 * without the Cassandra driver loads these conditions.
 */
final class StoreConditions {

    private static final String STORE = "eventsourcing.store";
    private static final String CASSANDRA_STORE = "io.eventsourcing.infrastructure.cassandra.CassandraActiveRecordStrategy";
    private static final String CQL_SESSION = "com.datastax.oss.driver.api.core.CqlSession";
    private static final String JDBC_STORE = "io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy";

    private StoreConditions() {
    }

    /**
     * Fails startup when {@code eventsourcing.store} names no store, rather than leaving the application
     * without an event store (unless {@code eventsourcing.enabled} is false).
     */
    static final class KnownStore extends SpringBootCondition {

        private static final Set<String> STORES = Set.of("auto", "jdbc", "cassandra");

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            String store = environment.getProperty(STORE, "auto");
            if (environment.getProperty("eventsourcing.enabled", Boolean.class, true)
                    && !STORES.contains(store.strip().toLowerCase(Locale.ROOT))) {
                throw new ConfigurationException(STORE, "must be auto, jdbc or cassandra, was '" + store + "'", null);
            }
            return ConditionOutcome.match(STORE + " is " + store);
        }
    }

    /** The store is Cassandra. */
    static final class OnCassandra extends AnyNestedCondition {

        OnCassandra() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = STORE, havingValue = "cassandra")
        @ConditionalOnClass(name = { CASSANDRA_STORE, CQL_SESSION })
        static final class Chosen {
        }

        @ConditionalOnProperty(name = STORE, havingValue = "auto", matchIfMissing = true)
        @ConditionalOnClass(name = { CASSANDRA_STORE, CQL_SESSION })
        @ConditionalOnBean(type = CQL_SESSION)
        static final class Found {
        }
    }

    /** The store is the application's single data source, with the eventsourcing-jdbc module. */
    static final class OnJdbc extends AnyNestedCondition {

        OnJdbc() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = STORE, havingValue = "jdbc")
        @ConditionalOnClass(name = JDBC_STORE)
        @ConditionalOnSingleCandidate(DataSource.class)
        static final class Chosen {
        }

        @ConditionalOnProperty(name = STORE, havingValue = "auto", matchIfMissing = true)
        @ConditionalOnClass(name = JDBC_STORE)
        @ConditionalOnSingleCandidate(DataSource.class)
        @Conditional(NoCassandraSession.class)
        static final class Found {
        }
    }

    /** Either store. */
    static final class OnAny extends AnyNestedCondition {

        OnAny() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @Conditional(OnCassandra.class)
        static final class Cassandra {
        }

        @Conditional(OnJdbc.class)
        static final class Jdbc {
        }
    }

    /** Without the Cassandra module, or without a {@code CqlSession} bean. */
    static final class NoCassandraSession extends AnyNestedCondition {

        NoCassandraSession() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnMissingClass(CASSANDRA_STORE)
        static final class NoModule {
        }

        @ConditionalOnMissingBean(type = CQL_SESSION)
        static final class NoSession {
        }
    }
}
