package io.eventsourcing.infrastructure.codec;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib compression, from the JDK, at its fastest level. Deflaters and inflaters are pooled and reset between uses:
 * making one allocates zlib's state (some 256 KiB for a deflater), which costs more than compressing an event.
 */
public final class ZlibCompressor implements Compressor {

    /** The byte that marks zlib data. */
    public static final byte ID = 2;

    private static final Pool<Deflater> DEFLATERS = new Pool<>(() -> new Deflater(Deflater.BEST_SPEED), Deflater::end);
    private static final Pool<Inflater> INFLATERS = new Pool<>(Inflater::new, Inflater::end);

    @Override
    public byte id() {
        return ID;
    }

    @Override
    public byte[] compress(byte[] data) {
        Deflater deflater = DEFLATERS.borrow();
        try {
            deflater.setInput(data);
            deflater.finish();
            // Room for incompressible data, zlib's few bytes of framing included; grown if ever too small.
            byte[] out = new byte[data.length + (data.length >> 10) + 64];
            int length = 0;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            return Arrays.copyOf(out, length);
        } finally {
            deflater.reset();
            DEFLATERS.giveBack(deflater);
        }
    }

    @Override
    public byte[] decompress(byte[] data) {
        return inflate(data);
    }

    /** The zlib data inflated; also the first release's ciphertexts, which held deflated data. */
    static byte[] inflate(byte[] data) {
        Inflater inflater = INFLATERS.borrow();
        try {
            inflater.setInput(data);
            byte[] out = new byte[Math.max(256, data.length * 4)];
            int length = 0;
            while (!inflater.finished()) {
                if (length == out.length) {
                    if (length == MAX_DECOMPRESSED_SIZE) {
                        throw new IllegalArgumentException("The data inflates to more than " + MAX_DECOMPRESSED_SIZE
                                + " bytes");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(MAX_DECOMPRESSED_SIZE, out.length * 2L));
                }
                int inflated = inflater.inflate(out, length, out.length - length);
                if (inflated == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("The data is not complete zlib data");
                }
                length += inflated;
            }
            return Arrays.copyOf(out, length);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("The data is not zlib data", e);
        } finally {
            inflater.reset();
            INFLATERS.giveBack(inflater);
        }
    }

    @Override
    public String toString() {
        return "ZlibCompressor[level 1]";
    }
}
