package io.eventsourcing.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Timestamps for events, at the microsecond resolution the stores keep, strictly increasing within the
 * JVM so that two time-sequenced events of one process never share a position.
 */
public final class Timestamps {

    private static final AtomicLong LAST_MICROS = new AtomicLong();

    private Timestamps() {
    }

    /** The current time in microseconds, later than every value this method returned before. */
    public static Instant now() {
        long wallClock = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long micros = LAST_MICROS.updateAndGet(last -> Math.max(last + 1, wallClock));
        return ofMicros(micros);
    }

    /** The instant {@code micros} microseconds after the epoch. */
    public static Instant ofMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** Microseconds since the epoch, dropping any finer part. */
    public static long toMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
