package io.eventsourcing.infrastructure.cassandra;

import io.eventsourcing.infrastructure.InvalidSettingException;
import java.time.Duration;
import java.util.Objects;

/**
 * How old an entry of the notification log must be, by a reader's clock, before the reader trusts that its append
 * is over: then an entry without its item belongs to an append that did not happen. That holds when every append
 * is over, stored or undone, within half the settle time of taking its storage positions (its writer enforces
 * it), and no reader's clock is more than the other half ahead of a writer's.
 *
 * @param duration the settle time
 */
record SettleTime(Duration duration) {

    SettleTime {
        Objects.requireNonNull(duration, "settleTime");
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidSettingException("settleTime", "settleTime must be positive, was " + duration);
        }
    }

    /** How long an append may take, from taking its storage positions until it has stored its items. */
    Duration appendBound() {
        return duration.dividedBy(2);
    }

    /** The deadline of an append that takes its storage positions now. */
    AppendDeadline startAppend() {
        return new AppendDeadline(System.nanoTime(), appendBound());
    }

    /** The lowest storage position that has not settled by this JVM's clock: every position below it has. */
    long horizon() {
        return StoragePositions.firstAt(StoragePositions.clockMicros() - micros());
    }

    /** Nanoseconds until a storage position settles by this JVM's clock; 0 if it has. */
    long nanosUntilSettled(long storagePosition) {
        long micros = StoragePositions.micros(storagePosition) + micros() - StoragePositions.clockMicros();
        return Math.max(0, micros + 1) * 1_000;
    }

    private long micros() {
        return duration.toNanos() / 1_000;
    }
}
