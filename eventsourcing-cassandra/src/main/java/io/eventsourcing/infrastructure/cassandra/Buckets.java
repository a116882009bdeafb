package io.eventsourcing.infrastructure.cassandra;

/**
 * Which partition holds a position, and which partition of the log holds a storage position. A bucket is named
 * by the lowest position it can hold, so buckets sort as their positions do.
 * <ul>
 * <li>Positions below 10<sup>12</sup> are versions: buckets of 10,000 consecutive versions. At about 1 KB an
 * event that is some 10 MB, a tenth of Cassandra's advised partition size, while an entity with fewer than
 * 10,000 events (nearly all of them) lives in one partition and is read in one query.</li>
 * <li>Positions from 10<sup>12</sup> on are microsecond timestamps (after 1970-01-12T13:46:40Z): buckets of one
 * UTC day. A sequence that records an event every second stays below the advised 100,000 rows a partition,
 * and one that records a few a day is read a month at ~30 queries.</li>
 * <li>Storage positions: buckets of one minute of the log.</li>
 * </ul>
 * These sizes are part of the stored format: changing them would leave stored items in buckets where no read
 * looks.
 */
final class Buckets {

    static final long VERSION_BUCKET_SIZE = 10_000;
    static final long FIRST_TIMESTAMP = 1_000_000_000_000L;
    static final long TIME_BUCKET_SIZE = 86_400_000_000L;
    static final long LOG_BUCKET_SIZE = 60_000_000L * StoragePositions.STEP;

    private Buckets() {
    }

    /** The bucket of a position in a sequence. */
    static long ofPosition(long position) {
        if (position < Long.MIN_VALUE + VERSION_BUCKET_SIZE) {
            return Long.MIN_VALUE;
        }
        if (position < FIRST_TIMESTAMP) {
            return position - Math.floorMod(position, VERSION_BUCKET_SIZE);
        }
        return Math.max(FIRST_TIMESTAMP, position - Math.floorMod(position, TIME_BUCKET_SIZE));
    }

    /** The bucket of the log that holds a storage position. */
    static long ofStoragePosition(long storagePosition) {
        if (storagePosition < Long.MIN_VALUE + LOG_BUCKET_SIZE) {
            return Long.MIN_VALUE;
        }
        return storagePosition - Math.floorMod(storagePosition, LOG_BUCKET_SIZE);
    }
}
