package io.eventsourcing.infrastructure.cipher;

import java.nio.charset.StandardCharsets;

/** Encrypts and decrypts the data of stored events. Implementations are thread-safe. */
public interface Cipher {

    /** The ciphertext of a plaintext, as text that any data column can hold. */
    String encrypt(byte[] plaintext);

    /**
     * The plaintext of a ciphertext.
     *
     * @throws DecryptionException if the ciphertext was not written with a known key, or was altered
     */
    byte[] decrypt(String ciphertext);

    /** The ciphertext of a text's UTF-8 bytes. */
    default String encrypt(String plaintext) {
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The plaintext of a ciphertext, as UTF-8 text.
     *
     * @throws DecryptionException if the ciphertext was not written with a known key, or was altered
     */
    default String decryptToString(String ciphertext) {
        return new String(decrypt(ciphertext), StandardCharsets.UTF_8);
    }
}
