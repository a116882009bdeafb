package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.codec.Cipher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A cipher that counts its failures, {@value #FAILURES} tagged by store and operation: a decryption that fails
 * means data altered, moved, or written with a key that is not configured. Keys and data are never in a tag.
 */
final class MeteredCipher implements Cipher {

    static final String FAILURES = "eventsourcing.cipher.failures";

    private final Cipher cipher;
    private final Counter encryptionFailures;
    private final Counter decryptionFailures;

    MeteredCipher(Cipher cipher, MeterRegistry meterRegistry, String store) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.encryptionFailures = failures(meterRegistry, store, "encrypt");
        this.decryptionFailures = failures(meterRegistry, store, "decrypt");
    }

    private static Counter failures(MeterRegistry meterRegistry, String store, String operation) {
        return Counter.builder(FAILURES).tag("store", store).tag("operation", operation)
                .description("Encryptions or decryptions of event data that failed").register(meterRegistry);
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        return counted(encryptionFailures, () -> cipher.encrypt(plaintext, associatedData));
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
        return counted(decryptionFailures, () -> cipher.decrypt(ciphertext, associatedData));
    }

    @Override
    public byte[] decrypt(byte[] data, int offset, byte[] associatedData) {
        return counted(decryptionFailures, () -> cipher.decrypt(data, offset, associatedData));
    }

    private static byte[] counted(Counter failures, Supplier<byte[]> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            failures.increment();
            throw e;
        }
    }

    /** The cipher's own description, which reveals no key. */
    @Override
    public String toString() {
        return cipher.toString();
    }
}
