package io.eventsourcing.testing.cassandra;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one node lives and listens. Every node of a cluster has the same cluster name and ports, on its own
 * loopback address (127.0.0.1, .2, .3 all bind on Linux), and names the first node as its seed.
 *
 * @param clusterName the cluster's name
 * @param address the node's listen and CQL address
 * @param seed the address of the cluster's seed node
 * @param storagePort the port of the nodes' internode traffic
 * @param nativePort the port of the CQL transport
 * @param directory the node's own directory: configuration, data, commit log and log
 */
public record NodeSettings(String clusterName, String address, String seed, int storagePort, int nativePort,
                           Path directory) {

    public NodeSettings {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(directory, "directory");
    }

    /**
     * A minimal configuration for tests on small machines: an empty cluster of 16-token nodes that do not
     * bootstrap, no automatic snapshots (so that TRUNCATE and DROP are quick), and timeouts generous enough
     * for two busy cores.
     */
    String yaml() {
        Path data = directory.toAbsolutePath();
        return """
                cluster_name: '%s'
                num_tokens: 16
                allocate_tokens_for_local_replication_factor: 3
                auto_bootstrap: false
                partitioner: org.apache.cassandra.dht.Murmur3Partitioner
                endpoint_snitch: SimpleSnitch
                seed_provider:
                  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
                    parameters:
                      - seeds: "%s:%d"
                listen_address: %s
                rpc_address: %s
                storage_port: %d
                native_transport_port: %d
                start_native_transport: true
                data_file_directories:
                  - %s/data/data
                commitlog_directory: %s/data/commitlog
                saved_caches_directory: %s/data/saved_caches
                hints_directory: %s/data/hints
                cdc_raw_directory: %s/data/cdc_raw
                commitlog_sync: periodic
                commitlog_sync_period: 10000ms
                auto_snapshot: false
                read_request_timeout: 5000ms
                range_request_timeout: 10000ms
                write_request_timeout: 3000ms
                cas_contention_timeout: 3000ms
                truncate_request_timeout: 60000ms
                request_timeout: 20000ms
                """.formatted(clusterName, seed, storagePort, address, address, storagePort, nativePort,
                data, data, data, data, data);
    }
}
