/**
 * Real Apache Cassandra nodes for tests, forked from the build's own Maven artifacts: one shared single node
 * per test JVM ({@link io.eventsourcing.testing.cassandra.SharedCassandra}), or a cluster on 127.0.0.1, .2, ...
 * ({@link io.eventsourcing.testing.cassandra.CassandraCluster}) whose nodes can be killed and restarted.
 */
package io.eventsourcing.testing.cassandra;
