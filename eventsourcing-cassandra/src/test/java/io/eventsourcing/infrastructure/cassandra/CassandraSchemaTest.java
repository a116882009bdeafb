package io.eventsourcing.infrastructure.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CassandraSchemaTest {

    @Test
    void theCqlFileHoldsTheFiveTablesUnderTheGivenNames() {
        assertThat(CassandraSchema.statements(new CassandraTables("shop", "orders")))
                .hasSize(5)
                .allMatch(statement -> statement.startsWith("CREATE TABLE IF NOT EXISTS shop.orders"))
                .noneMatch(statement -> statement.contains("${"));
    }

    @Test
    void createsAKeyspaceWithItsReplicationAndTheTablesInIt() {
        CqlSession session = SingleNodeStores.session();
        CassandraSchema schema = new CassandraSchema(session);

        schema.createKeyspace("schema_test", Map.of("datacenter1", 1));
        schema.createTables(new CassandraTables("schema_test", "events"));
        schema.createTables(new CassandraTables("schema_test", "events"));

        KeyspaceMetadata keyspace = session.refreshSchema().getKeyspace("schema_test").orElseThrow();
        assertThat(keyspace.getReplication()).containsEntry("class",
                "org.apache.cassandra.locator.NetworkTopologyStrategy").containsEntry("datacenter1", "1");
        assertThat(keyspace.getTables().keySet()).extracting(Object::toString)
                .contains("events", "events_buckets", "events_log", "events_log_buckets", "events_data_keys");
    }

    @Test
    void namesThatAreNotPlainIdentifiersAreRejected() {
        assertThatThrownBy(() -> new CassandraTables("ks", "items; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table");
        assertThatThrownBy(() -> new CassandraTables("Ks", "items"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyspace");
        assertThatThrownBy(() -> new CassandraTables("ks", "x".repeat(37)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 36");
        assertThatThrownBy(() -> new CassandraSchema(SingleNodeStores.session()).createKeyspace("ks", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicationFactor must be at least 1");
    }
}
