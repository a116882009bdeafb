package io.eventsourcing.infrastructure.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZstdCompressorTests {

    private final ZstdCompressor zstd = new ZstdCompressor();

    @Test
    void roundTripsEmptySmallLargeAndIncompressibleData() {
        byte[] random = new byte[100_000];
        new Random(42).nextBytes(random);
        for (byte[] data : new byte[][] {new byte[0], "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                "event ".repeat(50_000).getBytes(StandardCharsets.UTF_8), random}) {
            assertThat(zstd.decompress(zstd.compress(data))).isEqualTo(data);
        }
        assertThat(zstd.compress("event ".repeat(50_000).getBytes(StandardCharsets.UTF_8))).hasSizeLessThan(1_000);
    }

    @Test
    void damagedDataIsRefusedAndThePooledContextsStayUsable() {
        byte[] data = "{\"amount\":100}".getBytes(StandardCharsets.UTF_8);
        byte[] compressed = zstd.compress(data);

        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> zstd.decompress(new byte[] {1, 2, 3, 4}))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zstd");
            assertThatThrownBy(() -> zstd.decompress(Arrays.copyOf(compressed, compressed.length - 3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zstd");
            assertThat(zstd.decompress(compressed)).isEqualTo(data);
        }
    }

    @Test
    void aFrameClaimingMoreThanTheLimitIsRefusedBeforeAnythingIsAllocated() {
        byte[] bomb = Zstd.compress(new byte[Compressor.MAX_DECOMPRESSED_SIZE + 1], 19);

        assertThatThrownBy(() -> zstd.decompress(bomb))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 268435456 bytes");
    }
}
