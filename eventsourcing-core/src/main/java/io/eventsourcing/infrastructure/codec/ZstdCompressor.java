package io.eventsourcing.infrastructure.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.util.Native;

/**
 * zstd compression at level 1, through zstd-jni (an optional dependency, with native code for the common
 * platforms): as small as zlib's output or smaller, and several times faster. Compression and decompression
 * contexts are pooled.
 */
public final class ZstdCompressor implements Compressor {

    /** The byte that marks zstd data. */
    public static final byte ID = 3;

    private final Pool<ZstdCompressCtx> compressors = new Pool<>(() -> new ZstdCompressCtx().setLevel(1),
            ZstdCompressCtx::close);
    private final Pool<ZstdDecompressCtx> decompressors = new Pool<>(ZstdDecompressCtx::new, ZstdDecompressCtx::close);

    /**
     * A compressor on zstd's native library.
     *
     * @throws IllegalStateException if the native library does not load on this platform
     */
    public ZstdCompressor() {
        try {
            Native.load();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new IllegalStateException("zstd's native library does not load on " + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch") + ": compress with zlib instead", e);
        }
    }

    @Override
    public byte id() {
        return ID;
    }

    @Override
    public byte[] compress(byte[] data) {
        ZstdCompressCtx context = compressors.borrow();
        try {
            return context.compress(data);
        } finally {
            compressors.giveBack(context);
        }
    }

    @Override
    public byte[] decompress(byte[] data) {
        long size = Zstd.getFrameContentSize(data);
        if (size < 0 || size > MAX_DECOMPRESSED_SIZE) {
            throw new IllegalArgumentException("The data is not a zstd frame of at most " + MAX_DECOMPRESSED_SIZE
                    + " bytes");
        }
        ZstdDecompressCtx context = decompressors.borrow();
        try {
            return context.decompress(data, (int) size);
        } catch (ZstdException e) {
            throw new IllegalArgumentException("The data is not complete zstd data: " + e.getMessage(), e);
        } finally {
            decompressors.giveBack(context);
        }
    }

    @Override
    public String toString() {
        return "ZstdCompressor[level 1]";
    }
}
