package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.eventsourcing.infrastructure.InvalidSettingException;
import io.eventsourcing.infrastructure.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Creates a store's keyspace and tables, if they do not exist, from the library's CQL file
 * {@code db/eventsourcing/cassandra/tables.cql} (which users can also apply themselves with cqlsh). Schema
 * statements wait for the cluster's schema agreement.
 */
public final class CassandraSchema {

    private static final String TABLES = "/db/eventsourcing/cassandra/tables.cql";
    private static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(60);

    private final CqlSession session;

    public CassandraSchema(CqlSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /**
     * Creates a keyspace with SimpleStrategy and a replication factor, if it does not exist. An existing
     * keyspace keeps its replication.
     */
    public void createKeyspace(String keyspace, int replicationFactor) {
        requirePositive(replicationFactor);
        execute(createKeyspaceStatement(keyspace,
                "'class': 'SimpleStrategy', 'replication_factor': " + replicationFactor));
    }

    /**
     * Creates a keyspace with NetworkTopologyStrategy and a replication factor per data centre, if it does not
     * exist. An existing keyspace keeps its replication.
     */
    public void createKeyspace(String keyspace, Map<String, Integer> replicationByDatacenter) {
        if (replicationByDatacenter.isEmpty()) {
            throw new InvalidSettingException("replication", "replication must give a factor for at least one data centre");
        }
        replicationByDatacenter.values().forEach(CassandraSchema::requirePositive);
        String factors = replicationByDatacenter.entrySet().stream()
                .map(entry -> "'" + entry.getKey().replace("'", "''") + "': " + entry.getValue())
                .collect(Collectors.joining(", "));
        execute(createKeyspaceStatement(keyspace, "'class': 'NetworkTopologyStrategy', " + factors));
    }

    /** Creates the tables of a store ({@link CassandraTables}) in its keyspace, which must exist. */
    public void createTables(CassandraTables tables) {
        statements(tables).forEach(this::execute);
    }

    /** The statements of the CQL file with the tables' names in place. */
    static List<String> statements(CassandraTables tables) {
        String cql = resource();
        for (Map.Entry<String, String> placeholder : tables.placeholders().entrySet()) {
            cql = cql.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
        }
        String withoutComments = cql.lines().filter(line -> !line.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";\\s*(\n|$)")).map(String::strip)
                .filter(statement -> !statement.isEmpty()).toList();
    }

    private static String createKeyspaceStatement(String keyspace, String replication) {
        return "CREATE KEYSPACE IF NOT EXISTS " + CassandraTables.requireKeyspace(keyspace) + " WITH replication = {" + replication + "}";
    }

    private void execute(String cql) {
        try {
            session.execute(SimpleStatement.newInstance(cql).setTimeout(SCHEMA_TIMEOUT));
        } catch (DriverException e) {
            throw new StoreException("Creating the schema failed at: " + cql + ": " + e.getMessage(), e);
        }
    }

    private static String resource() {
        try (InputStream in = CassandraSchema.class.getResourceAsStream(TABLES)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + TABLES);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requirePositive(int replicationFactor) {
        if (replicationFactor < 1) {
            throw new InvalidSettingException("replicationFactor",
                    "replicationFactor must be at least 1, was " + replicationFactor);
        }
    }
}
