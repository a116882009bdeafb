package io.eventsourcing.infrastructure.cipher;

/** Encrypts and decrypts the data of stored events. Implementations are thread-safe. */
public interface Cipher {

    /** The ciphertext of a plaintext, as text that any data column can hold. */
    String encrypt(String plaintext);

    /**
     * The plaintext of a ciphertext.
     *
     * @throws DecryptionException if the ciphertext was not written with a known key, or was altered
     */
    String decrypt(String ciphertext);
}
