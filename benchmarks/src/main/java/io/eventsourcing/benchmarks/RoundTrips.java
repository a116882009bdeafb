package io.eventsourcing.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * W5: each thread loads, changes and saves accounts of its own in turn; new accounts of 10 events, seeded by the
 * side itself, for every repetition.
 */
final class RoundTrips implements Measurement.Subject {

    private static final int ACCOUNTS_PER_THREAD = 100;
    private static final int EVENTS = 10;

    private final Workloads side;
    private final Seeding seeding;
    private final int threads;
    private List<List<UUID>> accounts = List.of();

    RoundTrips(Workloads side, Seeding seeding, int threads) {
        this.side = side;
        this.seeding = seeding;
        this.threads = threads;
    }

    @Override
    public void setUp() {
        List<List<UUID>> perThread = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            perThread.add(seeding.accounts(side, ACCOUNTS_PER_THREAD, EVENTS));
        }
        accounts = perThread;
    }

    @Override
    public double measure(Measurement measurement) {
        long[] next = new long[threads];
        return measurement.rate(threads, thread -> {
            List<UUID> own = accounts.get(thread);
            side.roundTrip(own.get((int) (next[thread]++ % own.size())));
            return 1;
        });
    }
}
