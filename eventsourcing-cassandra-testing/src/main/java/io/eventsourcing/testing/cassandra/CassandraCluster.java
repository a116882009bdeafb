package io.eventsourcing.testing.cassandra;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Real Cassandra nodes on 127.0.0.1, 127.0.0.2, ... forming one cluster, each in its own forked JVM (about
 * 0.7 GB of memory each). The first node is the seed; it starts first, the others together after it.
 */
public final class CassandraCluster {

    private final List<CassandraNode> nodes;

    private CassandraCluster(List<CassandraNode> nodes) {
        this.nodes = nodes;
    }

    /** Starts a cluster of {@code size} nodes under a directory, and waits until every node accepts CQL connections. */
    public static CassandraCluster start(int size, Path directory) {
        List<String> addresses = IntStream.rangeClosed(1, size).mapToObj(n -> "127.0.0." + n).toList();
        List<Integer> ports = FreePorts.find(2, addresses);
        String name = "cluster-" + ProcessHandle.current().pid();
        List<NodeSettings> settings = addresses.stream().map(address -> new NodeSettings(name, address,
                addresses.get(0), ports.get(0), ports.get(1), directory.resolve(name).resolve(address))).toList();
        List<CassandraNode> nodes = new ArrayList<>();
        nodes.add(CassandraNode.start(settings.get(0)));
        settings.subList(1, size).forEach(node -> nodes.add(CassandraNode.launch(node)));
        nodes.forEach(CassandraNode::awaitReady);
        return new CassandraCluster(List.copyOf(nodes));
    }

    /** The nodes, the seed first. */
    public List<CassandraNode> nodes() {
        return nodes;
    }

    /** The CQL address of every node. */
    public List<InetSocketAddress> contactPoints() {
        return nodes.stream().map(CassandraNode::contactPoint).toList();
    }

    /** Kills every node. */
    public void kill() {
        nodes.forEach(CassandraNode::kill);
    }
}
