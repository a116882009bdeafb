/**
 * A realistic schema evolution in three releases, for the contract of every store: an account whose events
 * were written by the classes of releases 1 and 2 ({@link io.eventsourcing.testing.evolution.Release1},
 * {@link io.eventsourcing.testing.evolution.Release2}) and are read by the current one
 * ({@link io.eventsourcing.testing.evolution.Account}) through {@link io.eventsourcing.testing.evolution.AccountUpcasters}.
 */
package io.eventsourcing.testing.evolution;
