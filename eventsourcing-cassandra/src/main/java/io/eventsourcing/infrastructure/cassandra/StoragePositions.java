package io.eventsourcing.infrastructure.cassandra;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock of storage positions, one per JVM: microseconds since the epoch, shifted left by 10 bits that hold
 * a random writer number, so that two JVMs almost never give the same position (1 in 1024 for two appends in
 * the same microsecond). Strictly increasing within the JVM, with the items of one append consecutive. Values
 * fit a {@code long} until the year 2255. Thread-safe.
 */
final class StoragePositions {

    static final int WRITER_BITS = 10;
    static final long STEP = 1L << WRITER_BITS;

    private static final StoragePositions JVM = new StoragePositions(new SecureRandom().nextInt((int) STEP));

    private final long writer;
    private final AtomicLong last = new AtomicLong();

    private StoragePositions(long writer) {
        this.writer = writer;
    }

    static StoragePositions jvm() {
        return JVM;
    }

    /** Reserves {@code count} consecutive positions, {@link #STEP} apart, and returns the first. */
    long reserve(int count) {
        long span = (count - 1) * STEP;
        long clock = firstAt(clockMicros()) | writer;
        return last.updateAndGet(previous -> Math.max(clock, previous + STEP) + span) - span;
    }

    /** The JVM's clock: microseconds since the epoch. */
    static long clockMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    /** The microsecond of the clock that a storage position was taken at (or, if the JVM ran ahead, is counted at). */
    static long micros(long storagePosition) {
        return storagePosition >> WRITER_BITS;
    }

    /** The lowest storage position of a microsecond. */
    static long firstAt(long micros) {
        return micros << WRITER_BITS;
    }
}
