/**
 * Storage of sequenced items in relational databases through JDBC, with per-database schema
 * migrations.
 */
@NullMarked
package io.eventsourcing.infrastructure.jdbc;

import org.jspecify.annotations.NullMarked;
