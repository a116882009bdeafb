package io.eventsourcing.infrastructure.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZlibCompressorTests {

    private final ZlibCompressor zlib = new ZlibCompressor();

    @Test
    void roundTripsEmptySmallLargeAndIncompressibleData() {
        byte[] random = new byte[100_000];
        new Random(42).nextBytes(random);
        for (byte[] data : new byte[][] {new byte[0], "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                "event ".repeat(50_000).getBytes(StandardCharsets.UTF_8), random}) {
            assertThat(zlib.decompress(zlib.compress(data))).isEqualTo(data);
        }
    }

    @Test
    void aFailedDecompressionLeavesThePooledInflatersUsable() {
        byte[] data = "{\"amount\":100}".getBytes(StandardCharsets.UTF_8);
        byte[] deflated = zlib.compress(data);

        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> zlib.decompress(new byte[] {1, 2, 3, 4}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not zlib data");
            assertThatThrownBy(() -> zlib.decompress(Arrays.copyOf(deflated, deflated.length - 3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not complete zlib data");
            assertThat(zlib.decompress(deflated)).isEqualTo(data);
        }
    }

    @Test
    void dataInflatingToMoreThanTheLimitIsRefused() {
        byte[] bomb = zlib.compress(new byte[Compressor.MAX_DECOMPRESSED_SIZE + 1]);

        assertThatThrownBy(() -> zlib.decompress(bomb))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 268435456 bytes");
    }
}
