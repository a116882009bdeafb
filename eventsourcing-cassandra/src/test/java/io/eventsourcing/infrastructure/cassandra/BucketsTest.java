package io.eventsourcing.infrastructure.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.domain.Timestamps;
import java.time.Instant;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BucketsTest {

    @Test
    void versionsFillBucketsOfTenThousand() {
        assertThat(Buckets.ofPosition(0)).isZero();
        assertThat(Buckets.ofPosition(9_999)).isZero();
        assertThat(Buckets.ofPosition(10_000)).isEqualTo(10_000);
        assertThat(Buckets.ofPosition(-1)).isEqualTo(-10_000);
        assertThat(Buckets.ofPosition(999_999_999_999L)).isEqualTo(999_999_990_000L);
    }

    @Test
    void timestampsFillBucketsOfOneUtcDay() {
        long morning = Timestamps.toMicros(Instant.parse("2026-11-26T00:00:00Z"));
        long evening = Timestamps.toMicros(Instant.parse("2026-11-26T23:59:59.999999Z"));

        assertThat(Buckets.ofPosition(morning)).isEqualTo(morning);
        assertThat(Buckets.ofPosition(evening)).isEqualTo(morning);
        assertThat(Buckets.ofPosition(evening + 1)).isEqualTo(morning + Buckets.TIME_BUCKET_SIZE);
    }

    @Test
    void bucketsSortAsTheirPositionsDoAcrossEveryKindOfPosition() {
        long[] positions = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -10_001, -1, 0, 9_999, 10_000,
                Buckets.FIRST_TIMESTAMP - 1, Buckets.FIRST_TIMESTAMP, Buckets.FIRST_TIMESTAMP + Buckets.TIME_BUCKET_SIZE,
                Timestamps.toMicros(Instant.now()), Long.MAX_VALUE};

        assertThat(LongStream.of(positions).map(Buckets::ofPosition).toArray()).isSorted();
        assertThat(LongStream.of(positions).allMatch(position -> Buckets.ofPosition(position) <= position)).isTrue();
    }

    @Test
    void theLogHasABucketPerMinute() {
        long minute = 60_000_000L * StoragePositions.STEP;
        long first = StoragePositions.jvm().reserve(1);

        assertThat(Buckets.ofStoragePosition(first) % minute).isZero();
        assertThat(first - Buckets.ofStoragePosition(first)).isBetween(0L, minute - 1);
    }

    @Test
    void storagePositionsIncreaseStrictlyAndKeepAnAppendTogether() {
        StoragePositions clock = StoragePositions.jvm();
        long first = clock.reserve(3);
        long next = clock.reserve(1);

        assertThat(next).isGreaterThanOrEqualTo(first + 3 * StoragePositions.STEP);
        assertThat(Math.floorMod(next - first, StoragePositions.STEP)).isZero();
    }
}
