package io.eventsourcing.infrastructure.cassandra;

import static io.eventsourcing.testing.TestItems.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.StoreException;
import io.eventsourcing.testing.AbstractActiveRecordStrategyTests;
import io.eventsourcing.testing.RacingWriter;
import io.eventsourcing.testing.cassandra.CassandraCluster;
import io.eventsourcing.testing.cassandra.CassandraNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three real Cassandra nodes on 127.0.0.1-3 and a keyspace of replication factor 3: appends and optimistic
 * concurrency need a quorum (two replicas), so they go on with one node killed and while it restarts, and fail
 * cleanly, storing nothing, with two killed. The scenario runs in order on one cluster. In the races, an append
 * whose outcome the store could not settle (a timeout with a node down) may or may not be stored; every stored
 * history must still be gap-free, hold every accepted item and nothing that was refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CassandraClusterTest {

    private static final CassandraTables TABLES = new CassandraTables("cluster_test", "sequenced_items");

    private static CassandraCluster cluster;
    private static CqlSession session;
    private static CassandraActiveRecordStrategy store;

    @BeforeAll
    static void startCluster() {
        cluster = CassandraCluster.start(3, Path.of("target", "cassandra"));
        session = TestSessions.connect(cluster.contactPoints());
        CassandraSchema schema = new CassandraSchema(session);
        schema.createKeyspace(TABLES.keyspace(), 3);
        schema.createTables(TABLES);
        store = new CassandraActiveRecordStrategy(session, TABLES);
    }

    @AfterAll
    static void stopCluster() {
        if (session != null) {
            session.close();
        }
        if (cluster != null) {
            cluster.kill();
        }
    }

    private static CassandraNode node(int number) {
        return cluster.nodes().get(number - 1);
    }

    @Test
    @Order(1)
    void racingWritersNeverBranchWithAllNodesUp() throws Exception {
        race(4, 40);
    }

    @Test
    @Order(2)
    void appendsAndConflictsGoOnWithOneNodeKilledAndWhileItRestarts() throws Exception {
        node(2).kill();

        UUID id = UUID.randomUUID();
        store.append(List.of(item(id, 0), item(id, 1)));
        assertThatThrownBy(() -> store.append(item(id, 1))).isInstanceOf(ConcurrencyException.class);
        race(4, 25);

        node(2).restart();
        long position = 2;
        while (!node(2).acceptsConnections()) {
            store.append(item(id, position++));
        }
        node(2).awaitReady();
        assertThatThrownBy(() -> store.append(item(id, 0))).isInstanceOf(ConcurrencyException.class);
        race(4, 25);
        assertThat(store.getItems(id)).hasSize((int) position);
    }

    @Test
    @Order(3)
    void withTwoNodesKilledAppendsFailClearlyAndStoreNothing() throws InterruptedException {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        store.append(item(id, 0));
        node(2).kill();
        node(3).kill();

        // Timed out until the survivor's failure detector convicts the killed nodes, refused as unavailable after.
        assertThatThrownBy(() -> store.append(List.of(item(id, 1), item(id, 2))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Appending sequence " + id + " at position 1, 2")
                .hasMessageContaining("stored nothing");
        assertThatThrownBy(() -> store.append(List.of(item(other, 0), item(id, 1))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("stored nothing");

        node(2).restart();
        node(3).restart();
        node(2).awaitReady();
        node(3).awaitReady();
        // Every replica, the survivor included, holds nothing of the failed appends.
        CassandraActiveRecordStrategy allReplicas = new CassandraActiveRecordStrategy(session, TABLES,
                new CassandraConsistency(DefaultConsistencyLevel.ALL, DefaultConsistencyLevel.SERIAL));
        assertThat(onceTheClusterSeesAllNodes(() -> allReplicas.getItems(id))).containsExactly(item(id, 0));
        assertThat(allReplicas.getItems(other)).isEmpty();
        store.append(List.of(item(id, 1), item(id, 2)));
        assertThat(store.getItems(id)).hasSize(3);
    }

    /** Retries a read that needs every node while the restarted ones are not yet seen as up (some seconds). */
    private static <T> T onceTheClusterSeesAllNodes(Supplier<T> read) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return read.get();
            } catch (StoreException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    private static void race(int writers, int attempts) throws Exception {
        List<UUID> sequences = IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID()).toList();
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        List<RacingWriter> finished = new ArrayList<>();
        try {
            List<Future<RacingWriter>> races = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                RacingWriter racingWriter = new RacingWriter(store, sequences, "writer-" + writer)
                        .toleratingUnknownOutcomes();
                races.add(threads.submit(() -> racingWriter.race(attempts)));
            }
            for (Future<RacingWriter> race : races) {
                finished.add(race.get());
            }
        } finally {
            threads.shutdownNow();
        }
        List<SequencedItem> accepted = finished.stream().flatMap(writer -> writer.accepted().stream()).toList();
        List<SequencedItem> uncertain = finished.stream().flatMap(writer -> writer.uncertain().stream()).toList();
        assertThat(accepted.size() + uncertain.size() + finished.stream().mapToInt(RacingWriter::conflicts).sum())
                .isEqualTo(writers * attempts);
        assertThat(accepted).isNotEmpty();
        AbstractActiveRecordStrategyTests.assertRaceHistory(store, sequences, accepted, uncertain);
    }
}
