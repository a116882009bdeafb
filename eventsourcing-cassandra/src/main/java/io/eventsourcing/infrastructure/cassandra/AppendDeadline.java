package io.eventsourcing.infrastructure.cassandra;

import java.time.Duration;

/**
 * The time an append has to store its items, counted on the writer's monotonic clock from before it took its
 * storage positions.
 *
 * @param startNanos {@link System#nanoTime()} before the storage positions were taken
 * @param bound how long the append may take
 */
record AppendDeadline(long startNanos, Duration bound) {

    boolean passed() {
        return elapsed().compareTo(bound) > 0;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
