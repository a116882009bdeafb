package io.eventsourcing.projection;

import java.time.Duration;
import java.util.Objects;

/**
 * How projections run.
 *
 * @param pageSize how many events of the log a projection reads and commits at a time
 * @param lease how long an instance holds a projection after its last renewal; renewed every third of it
 * @param maxPollInterval the longest pause between two reads of the log when nothing wakes a projection: new
 *                        events reach it within this time at the latest
 */
public record ProjectionSettings(int pageSize, Duration lease, Duration maxPollInterval) {

    /** Pages of 100 events, a 15 s lease, reads at least every 100 ms. */
    public static final ProjectionSettings DEFAULTS =
            new ProjectionSettings(100, Duration.ofSeconds(15), Duration.ofMillis(100));

    public ProjectionSettings {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        requirePositive("lease", lease);
        requirePositive("maxPollInterval", maxPollInterval);
    }

    private static void requirePositive(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
