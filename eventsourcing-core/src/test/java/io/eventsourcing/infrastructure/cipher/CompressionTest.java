package io.eventsourcing.infrastructure.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompressionTest {

    @Test
    void roundTripsEmptySmallLargeAndIncompressibleData() {
        byte[] random = new byte[100_000];
        new Random(42).nextBytes(random);
        for (byte[] data : new byte[][] {new byte[0], "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                "event ".repeat(50_000).getBytes(StandardCharsets.UTF_8), random}) {
            assertThat(Compression.inflate(Compression.deflate(data))).isEqualTo(data);
        }
    }

    @Test
    void aFailedInflationLeavesThePooledInflatersUsable() {
        byte[] data = "{\"amount\":100}".getBytes(StandardCharsets.UTF_8);
        byte[] deflated = Compression.deflate(data);

        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> Compression.inflate(new byte[] {1, 2, 3, 4}))
                    .isInstanceOf(DecryptionException.class);
            assertThatThrownBy(() -> Compression.inflate(Arrays.copyOf(deflated, deflated.length - 3)))
                    .isInstanceOf(DecryptionException.class);
            assertThat(Compression.inflate(deflated)).isEqualTo(data);
        }
    }
}
