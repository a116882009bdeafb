package io.eventsourcing.infrastructure.codec;

/** Thrown when a ciphertext cannot be decrypted: unknown key, altered or truncated data. */
public class DecryptionException extends IllegalArgumentException {

    public DecryptionException(String message) {
        super(message);
    }

    public DecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
