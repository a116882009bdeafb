package io.eventsourcing.benchmarks;

import java.util.UUID;

/**
 * The operations the workloads time, each written once through the library's public API ({@link LibraryWorkloads})
 * and once in plain JDBC ({@link RawJdbcWorkloads}). Both sides store the same event records, serialised by the
 * same Jackson mapper, in the same {@code sequenced_items} table. Implementations are thread-safe.
 */
interface Workloads {

    /** W1: stores the event that opens a new account, in a transaction of its own. */
    void appendOne(UUID accountId);

    /** W2: stores the ten events of a new account (opened, then nine deposits) in one transaction. */
    void appendTen(UUID accountId);

    /** W3: rebuilds an account from its full history; returns its version. */
    long load(UUID accountId);

    /** Stores a snapshot of an account as it is now (set-up of W3s). */
    void takeSnapshot(UUID accountId);

    /** W3s: rebuilds an account from its newest snapshot and the events after it; returns its version. */
    long loadFromSnapshot(UUID accountId);

    /** W4: reads the first {@code count} events in storage order, deserialised, a page at a time; returns a sum. */
    long readAll(int count, int pageSize);

    /** W5: loads an account, deposits into it, and saves it. */
    void roundTrip(UUID accountId);
}
