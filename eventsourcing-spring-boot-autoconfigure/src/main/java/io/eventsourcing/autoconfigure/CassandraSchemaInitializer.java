package io.eventsourcing.autoconfigure;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import io.eventsourcing.infrastructure.InvalidSettingException;
import io.eventsourcing.infrastructure.cassandra.CassandraSchema;
import io.eventsourcing.infrastructure.cassandra.CassandraTables;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates the keyspace of the event store when asked to, and the tables of events and snapshots if they do
 * not exist, when the bean is initialized. It works through a short-lived session of its own, opened without a
 * keyspace, so that it can run before the application's session, which may name the keyspace it creates.
 * <p>
 * Spring Boot's database initialization knows it as an initializer: the application's {@code CqlSession}, the
 * event store and the repositories wait for it.
 */
public class CassandraSchemaInitializer implements InitializingBean {

    /**
     * A keyspace to create if it does not exist: with NetworkTopologyStrategy when a replication factor is
     * given per data centre, else with SimpleStrategy.
     *
     * @param keyspace the keyspace
     * @param replicationFactor the replication factor of SimpleStrategy
     * @param replicationByDatacenter the replication factors of NetworkTopologyStrategy
     */
    public record KeyspaceCreation(String keyspace, int replicationFactor,
                                   Map<String, Integer> replicationByDatacenter) {

        public KeyspaceCreation {
            Objects.requireNonNull(keyspace, "keyspace");
            if (replicationFactor < 1) {
                throw new InvalidSettingException("replicationFactor",
                        "replicationFactor must be at least 1, was " + replicationFactor);
            }
            if (replicationByDatacenter.values().stream().anyMatch(factor -> factor == null || factor < 1)) {
                throw new InvalidSettingException("replication",
                        "replication must give each data centre a factor of at least 1, was " + replicationByDatacenter);
            }
            replicationByDatacenter = Map.copyOf(replicationByDatacenter);
        }
    }

    private final Supplier<CqlSessionBuilder> sessionBuilder;
    private final @Nullable KeyspaceCreation keyspaceCreation;
    private final List<CassandraTables> tables;

    /**
     * @param sessionBuilder a new builder of sessions to the cluster for each call
     * @param keyspaceCreation the keyspace to create, or {@code null} to leave keyspaces to the application
     * @param tables the tables to create
     */
    public CassandraSchemaInitializer(Supplier<CqlSessionBuilder> sessionBuilder,
                                      @Nullable KeyspaceCreation keyspaceCreation, List<CassandraTables> tables) {
        this.sessionBuilder = Objects.requireNonNull(sessionBuilder, "sessionBuilder");
        this.keyspaceCreation = keyspaceCreation;
        this.tables = List.copyOf(tables);
    }

    @Override
    public void afterPropertiesSet() {
        try (CqlSession session = sessionBuilder.get().withKeyspace((CqlIdentifier) null).build()) {
            CassandraSchema schema = new CassandraSchema(session);
            if (keyspaceCreation != null) {
                if (keyspaceCreation.replicationByDatacenter().isEmpty()) {
                    schema.createKeyspace(keyspaceCreation.keyspace(), keyspaceCreation.replicationFactor());
                } else {
                    schema.createKeyspace(keyspaceCreation.keyspace(), keyspaceCreation.replicationByDatacenter());
                }
            }
            tables.forEach(schema::createTables);
        }
    }
}
