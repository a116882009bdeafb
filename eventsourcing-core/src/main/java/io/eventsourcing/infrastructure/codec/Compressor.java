package io.eventsourcing.infrastructure.codec;

/**
 * Compresses the stored data of events before it is encrypted. The data it compresses is marked with its
 * {@link #id()}, so that it is decompressed by the same algorithm when read, whatever compressor is configured by
 * then. Implementations are thread-safe.
 */
public interface Compressor {

    /** The largest data a compressor decompresses, so that no stored data can make it allocate more. */
    int MAX_DECOMPRESSED_SIZE = 256 << 20;

    /** The byte that marks data this compressor compressed: from 2 to 8, one per algorithm. */
    byte id();

    byte[] compress(byte[] data);

    /**
     * The data that was compressed.
     *
     * @throws IllegalArgumentException if the data is not complete data of this algorithm, or decompresses to more
     *         than {@link #MAX_DECOMPRESSED_SIZE} bytes
     */
    byte[] decompress(byte[] data);
}
