package io.eventsourcing.infrastructure.snapshot;

/**
 * When a repository takes a snapshot of an entity automatically: after saving an aggregate (once its
 * events have committed), and after rebuilding an entity from its events. Immutable and thread-safe.
 */
@FunctionalInterface
public interface SnapshotPolicy {

    /**
     * Whether to snapshot an entity whose version went from one value to another: by a save, or by a
     * replay on top of its newest snapshot (or from the start).
     */
    boolean shouldTakeSnapshot(long fromVersion, long toVersion);

    /** Never take snapshots automatically; they are still taken on demand. */
    static SnapshotPolicy never() {
        return (fromVersion, toVersion) -> false;
    }

    /** Take a snapshot whenever the version reaches or passes a multiple of {@code period}. */
    static SnapshotPolicy everyNEvents(long period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, was " + period);
        }
        return (fromVersion, toVersion) -> toVersion / period > fromVersion / period;
    }
}
