package io.eventsourcing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void timestampsAreMicrosecondsAndStrictlyIncreasing() {
        long[] micros = IntStream.range(0, 10_000).mapToLong(i -> Timestamps.toMicros(Timestamps.now())).toArray();

        for (int i = 1; i < micros.length; i++) {
            assertThat(micros[i]).isGreaterThan(micros[i - 1]);
        }
        Instant now = Timestamps.now();
        assertThat(now.getNano() % 1000).isZero();
        assertThat(Timestamps.ofMicros(Timestamps.toMicros(now))).isEqualTo(now);
    }
}
