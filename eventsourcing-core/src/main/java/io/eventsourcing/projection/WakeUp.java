package io.eventsourcing.projection;

import java.time.Duration;

/** Wakes the projections of an application when new events may be in the log. Thread-safe. */
final class WakeUp {

    private long signals;

    /** Wakes every projection waiting now. */
    synchronized void signal() {
        signals++;
        notifyAll();
    }

    /** Waits until signalled or for at most the given time; returns at once if interrupted. */
    synchronized void await(Duration timeout) {
        long seen = signals;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (long left = timeout.toNanos(); signals == seen && left > 0; left = deadline - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
