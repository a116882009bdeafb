package io.eventsourcing.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stores the accounts that the reads work on, through any side, in transactions of at most a given number of
 * events: whole accounts together while they fit, a long account in parts.
 */
record Seeding(int eventsPerTransaction) {

    /** New accounts of {@code events} events each. */
    List<UUID> accounts(Workloads side, int accounts, int events) {
        List<UUID> ids = new ArrayList<>();
        int together = Math.max(1, eventsPerTransaction / events);
        for (int first = 0; first < accounts; first += together) {
            List<UUID> group = new ArrayList<>();
            for (int i = first; i < Math.min(accounts, first + together); i++) {
                group.add(UUID.randomUUID());
            }
            store(side, group, 0, events);
            ids.addAll(group);
        }
        return ids;
    }

    /** A new account of {@code events} events with a snapshot taken before its last {@code afterSnapshot}. */
    UUID accountWithSnapshot(Workloads side, int events, int afterSnapshot) {
        UUID account = UUID.randomUUID();
        store(side, List.of(account), 0, events - afterSnapshot);
        side.takeSnapshot(account);
        store(side, List.of(account), events - afterSnapshot, afterSnapshot);
        Verification.expect(side.loadFromSnapshot(account), events, "an account loaded from its snapshot");
        return account;
    }

    /** Events of accounts from a version on, in as many transactions as they need. */
    private void store(Workloads side, List<UUID> accounts, long from, int events) {
        int step = Math.max(1, eventsPerTransaction / accounts.size());
        for (long version = from; version < from + events; version += step) {
            side.store(accounts, version, (int) Math.min(step, from + events - version));
        }
    }
}
