package io.eventsourcing.infrastructure.codec;

import java.util.Arrays;

/**
 * Encrypts and decrypts the stored data of events, bound to associated data that is authenticated but not
 * stored with the ciphertext (the item's sequence id and position), so that a ciphertext moved to another item
 * fails to decrypt. Implementations are thread-safe.
 */
public interface Cipher {

    /** The ciphertext of a plaintext, bound to the associated data. */
    byte[] encrypt(byte[] plaintext, byte[] associatedData);

    /**
     * The plaintext of a ciphertext.
     *
     * @throws DecryptionException if the ciphertext was not written with a known key, was altered, or was bound
     *         to other associated data
     */
    byte[] decrypt(byte[] ciphertext, byte[] associatedData);

    /**
     * The plaintext of the ciphertext that fills {@code data} from {@code offset} to its end. By default, a copy of
     * that part given to {@link #decrypt(byte[], byte[])}; a cipher that can read it in place overrides this.
     *
     * @throws DecryptionException as {@link #decrypt(byte[], byte[])} does
     */
    default byte[] decrypt(byte[] data, int offset, byte[] associatedData) {
        return decrypt(Arrays.copyOfRange(data, offset, data.length), associatedData);
    }
}
