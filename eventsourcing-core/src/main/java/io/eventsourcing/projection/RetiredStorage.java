package io.eventsourcing.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The storage of generations that no longer serve, dropped a grace period after they retired, so that a query
 * that read the serving generation just before the swap still finds its table. Thread-safe.
 */
final class RetiredStorage {

    /** How long a retired generation's storage outlives its retirement. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private record Retirement(RegisteredProjection projection, List<Generation> generations, long dropAt) {
    }

    private final List<Retirement> pending = new ArrayList<>();

    /** Drops the storage of these generations after the grace period. */
    synchronized void retire(RegisteredProjection projection, List<Generation> generations) {
        if (!generations.isEmpty()) {
            pending.add(new Retirement(projection, List.copyOf(generations), System.nanoTime() + GRACE.toNanos()));
        }
    }

    /** Drops what is due, or everything if {@code all}. */
    void drop(boolean all) {
        List<Retirement> due = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            pending.removeIf(retirement -> {
                boolean isDue = all || now - retirement.dropAt() >= 0;
                if (isDue) {
                    due.add(retirement);
                }
                return isDue;
            });
        }
        due.forEach(retirement -> retirement.projection().dropStorage(retirement.generations()));
    }
}
