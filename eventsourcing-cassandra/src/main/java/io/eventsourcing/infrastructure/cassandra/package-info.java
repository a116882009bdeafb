/**
 * Storage of sequenced items in Apache Cassandra: partitions of bucketed sequences, optimistic concurrency
 * by lightweight transactions, and a time-bucketed log of all items in storage order, read once it has settled.
 */
@NullMarked
package io.eventsourcing.infrastructure.cassandra;

import org.jspecify.annotations.NullMarked;
