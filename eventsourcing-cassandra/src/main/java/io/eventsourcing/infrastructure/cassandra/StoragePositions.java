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
        long clock = (ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()) << WRITER_BITS) | writer;
        return last.updateAndGet(previous -> Math.max(clock, previous + STEP) + span) - span;
    }
}
