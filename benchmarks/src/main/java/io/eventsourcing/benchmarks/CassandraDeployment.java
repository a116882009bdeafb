package io.eventsourcing.benchmarks;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.session.Session;
import io.eventsourcing.infrastructure.cassandra.CassandraActiveRecordStrategy;
import io.eventsourcing.infrastructure.cassandra.CassandraConsistency;
import io.eventsourcing.infrastructure.cassandra.CassandraSchema;
import io.eventsourcing.infrastructure.cassandra.CassandraTables;
import io.eventsourcing.infrastructure.cassandra.TestSessions;
import io.eventsourcing.testing.cassandra.CassandraCluster;
import io.eventsourcing.testing.cassandra.CassandraNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Real Apache Cassandra nodes for the benchmarks, forked by the build's test harness
 * ({@code eventsourcing-cassandra-testing}: Cassandra 5.0 from Maven artifacts, in JVMs of their own, on
 * 127.0.0.1, .2, ...), a driver session on them, and a keyspace of the library's tables. Only the driver runs in
 * the benchmark's JVM. {@link #close()} kills the nodes; their data is deleted when the JVM exits.
 */
final class CassandraDeployment implements AutoCloseable {

    static final String KEYSPACE = "benchmarks";

    private static final String DATACENTER = "datacenter1";
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    /** The server settings worth printing beside the figures, as the nodes report them. */
    private static final Set<String> SETTINGS = Set.of("commitlog_sync", "commitlog_sync_period",
            "commitlog_sync_group_window", "paxos_variant", "concurrent_writes", "concurrent_reads");

    private final CassandraCluster cluster;
    private final CqlSession session;
    private final CassandraConsistency consistency;
    private final Duration startTime;

    private CassandraDeployment(CassandraCluster cluster, CqlSession session, CassandraConsistency consistency,
                                Duration startTime) {
        this.cluster = cluster;
        this.session = session;
        this.consistency = consistency;
        this.startTime = startTime;
    }

    /**
     * Starts {@code nodes} nodes under a directory of their own, connects, and creates the keyspace with the given
     * replication factor (SimpleStrategy). Kills the nodes again if any of that fails.
     */
    static CassandraDeployment start(int nodes, int replicationFactor, CassandraConsistency consistency,
                                     Path directory) {
        long start = System.nanoTime();
        CassandraCluster cluster = CassandraCluster.start(nodes, directory);
        Duration startTime = Duration.ofNanos(System.nanoTime() - start);
        CqlSession session = null;
        try {
            session = connect(cluster);
            new CassandraSchema(session).createKeyspace(KEYSPACE, replicationFactor);
            return new CassandraDeployment(cluster, session, consistency, startTime);
        } catch (RuntimeException e) {
            if (session != null) {
                session.close();
            }
            cluster.kill();
            throw e;
        }
    }

    /**
     * The library's workloads on new tables of this keyspace: events in {@code <table>*}, snapshots in
     * {@code <table>_snapshots*}.
     */
    LibraryWorkloads newWorkloads(String table) {
        CassandraTables events = new CassandraTables(KEYSPACE, table);
        CassandraTables snapshots = new CassandraTables(KEYSPACE, table + "_snapshots");
        CassandraSchema schema = new CassandraSchema(session);
        schema.createTables(events);
        schema.createTables(snapshots);
        return new LibraryWorkloads(new CassandraActiveRecordStrategy(session, events, consistency),
                new CassandraActiveRecordStrategy(session, snapshots, consistency), LibraryVariant.PLAIN);
    }

    int nodes() {
        return cluster.nodes().size();
    }

    /** The server's and the driver's settings, as they report them. */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        Row local = session.execute("SELECT release_version FROM system.local").one();
        settings.put("Cassandra version", local == null ? "unknown" : local.getString("release_version"));
        settings.put("Nodes", nodes() + " (" + cluster.nodes().stream().map(node -> node.settings().address())
                .collect(Collectors.joining(", ")) + "), on this machine, each in a JVM of its own (the test"
                + " harness's: -Xmx512m, G1), started in " + startTime.toSeconds() + " s; the driver sees "
                + session.getMetadata().getNodes().values().stream().filter(node -> node.getState() == NodeState.UP)
                        .count() + " up");
        Row keyspace = session.execute("SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?",
                KEYSPACE).one();
        settings.put("Keyspace replication", keyspace == null ? "unknown"
                : new TreeMap<>(keyspace.getMap("replication", String.class, String.class)).toString());
        settings.put("Consistency", consistency.consistency() + " (reads, writes, commit of the lightweight"
                + " transaction); serial consistency " + consistency.serialConsistency() + " (its Paxos round)");
        settings.put("Server settings", serverSettings());
        settings.put("Driver", "Java driver " + Session.OSS_DRIVER_COORDINATES.getVersion() + ", native protocol "
                + session.getContext().getProtocolVersion() + ", one session, connections per node: "
                + session.getContext().getConfig().getDefaultProfile()
                        .getInt(DefaultDriverOption.CONNECTION_POOL_LOCAL_SIZE));
        return settings;
    }

    /** Kills the nodes (SIGKILL: their data is thrown away anyway). */
    @Override
    public void close() {
        try {
            session.close();
        } finally {
            cluster.kill();
        }
    }

    /** The settings from the seed's {@code system_views.settings}, or from the harness's yaml if that fails. */
    private String serverSettings() {
        Map<String, String> values = new TreeMap<>();
        try {
            for (Row row : session.execute("SELECT name, value FROM system_views.settings")) {
                if (SETTINGS.contains(row.getString("name"))) {
                    values.put(row.getString("name"), row.getString("value"));
                }
            }
        } catch (RuntimeException e) {
            values.clear();
        }
        if (values.isEmpty()) {
            values.putAll(yamlSettings(cluster.nodes().get(0)));
        }
        return values.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static Map<String, String> yamlSettings(CassandraNode node) {
        Map<String, String> values = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(node.settings().directory().resolve("cassandra.yaml"))) {
                int colon = line.indexOf(':');
                if (colon > 0 && SETTINGS.contains(line.substring(0, colon).strip())) {
                    values.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip() + " (yaml)");
                }
            }
        } catch (IOException e) {
            values.put("commitlog_sync", "unknown (" + e.getMessage() + ")");
        }
        return values;
    }

    /**
     * A session that sees every node up in the local data centre. A node that has just started may not be in the
     * others' peer tables yet: the driver then leaves it out of the local data centre, so the session is opened
     * again until it sees them all.
     */
    private static CqlSession connect(CassandraCluster cluster) {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (true) {
            CqlSession session = TestSessions.connect(cluster.contactPoints());
            long ready = session.getMetadata().getNodes().values().stream()
                    .filter(node -> node.getState() == NodeState.UP && DATACENTER.equals(node.getDatacenter()))
                    .count();
            if (ready == cluster.nodes().size()) {
                return session;
            }
            session.close();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The driver saw " + ready + " of " + cluster.nodes().size()
                        + " Cassandra nodes up in " + DATACENTER + " within " + SETTLE_TIMEOUT);
            }
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
