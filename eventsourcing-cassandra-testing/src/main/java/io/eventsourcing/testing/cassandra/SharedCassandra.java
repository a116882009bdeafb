package io.eventsourcing.testing.cassandra;

import java.nio.file.Path;
import java.util.List;

/**
 * One real single-node Cassandra per test JVM, started by the first test that asks for it and killed when the
 * JVM exits. It listens on 127.0.0.1 on free ports, so that it can run beside a test cluster and beside other
 * builds.
 */
public final class SharedCassandra {

    private static CassandraNode node;

    private SharedCassandra() {
    }

    /** The running node, started on first use (13-25 s). */
    public static synchronized CassandraNode node() {
        if (node == null) {
            List<Integer> ports = FreePorts.find(2, List.of("127.0.0.1"));
            String name = "single-" + ProcessHandle.current().pid();
            node = CassandraNode.start(new NodeSettings(name, "127.0.0.1", "127.0.0.1", ports.get(0), ports.get(1),
                    Path.of("target", "cassandra", name)));
        }
        return node;
    }
}
