package io.eventsourcing.benchmarks;

import java.util.List;
import java.util.UUID;

/**
 * The operations the workloads time, written once through the library's public API ({@link LibraryWorkloads}) and
 * once by hand in plain JDBC ({@link HandWrittenWorkloads}). Every side stores the same accounts: opened at version
 * 0, deposits after, with the contents of {@link Payload}. Implementations are thread-safe.
 */
interface Workloads {

    /** Stores the events of accounts from a version on, {@code count} of each, all in one transaction (seeding). */
    void store(List<UUID> accountIds, long fromVersion, int count);

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

    /** W4: reads the first {@code count} events in storage order, decoded, a page at a time; returns a checksum. */
    long readAll(int count, int pageSize);

    /** W5: loads an account, deposits into it, and saves it. */
    void roundTrip(UUID accountId);
}
