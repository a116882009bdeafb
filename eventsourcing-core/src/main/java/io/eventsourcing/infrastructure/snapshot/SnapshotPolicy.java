package io.eventsourcing.infrastructure.snapshot;

/**
 * When a repository takes a snapshot of an entity it has just rebuilt. Immutable and thread-safe.
 */
@FunctionalInterface
public interface SnapshotPolicy {

    /**
     * Whether to snapshot an entity after replaying it.
     *
     * @param eventsSinceSnapshot the number of events replayed on top of the newest snapshot (or from the start)
     */
    boolean shouldTakeSnapshot(long eventsSinceSnapshot);

    /** Never take snapshots automatically; they are still taken on demand. */
    static SnapshotPolicy never() {
        return eventsSinceSnapshot -> false;
    }

    /** Take a snapshot when {@code period} or more events were replayed since the newest one. */
    static SnapshotPolicy everyNEvents(long period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, was " + period);
        }
        return eventsSinceSnapshot -> eventsSinceSnapshot >= period;
    }
}
