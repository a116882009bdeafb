package io.eventsourcing.infrastructure.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AESCipherTest {

    private static String newKey(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32})
    void roundTripsWithEveryKeySize(int keyBytes) {
        AESCipher cipher = AESCipher.fromBase64(newKey(keyBytes));
        String plaintext = "{\"foo\":\"secret info \u2615\"}";

        String ciphertext = cipher.encrypt(plaintext);

        assertThat(ciphertext).doesNotContain("secret");
        assertThat(cipher.decryptToString(ciphertext)).isEqualTo(plaintext);
    }

    @Test
    void roundTripsTheEmptyString() {
        AESCipher cipher = AESCipher.fromBase64(newKey(16));

        assertThat(cipher.decryptToString(cipher.encrypt(""))).isEmpty();
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        AESCipher cipher = AESCipher.fromBase64(newKey(16));

        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void dataIsCompressedBeforeEncryption() {
        AESCipher cipher = AESCipher.fromBase64(newKey(32));
        String repetitive = "{\"text\":\"" + "abc".repeat(10_000) + "\"}";

        assertThat(cipher.encrypt(repetitive).length()).isLessThan(repetitive.length() / 20);
    }

    @Test
    void eventsBelowTheThresholdAreNotCompressed() {
        AESCipher cipher = AESCipher.fromBase64(newKey(16));
        String small = "{\"text\":\"" + "a".repeat(500) + "\"}";

        byte[] ciphertext = Base64.getDecoder().decode(cipher.encrypt(small));

        assertThat(ciphertext).hasSize(2 + 4 + 12 + small.length() + 16);
        assertThat(cipher.decryptToString(Base64.getEncoder().encodeToString(ciphertext))).isEqualTo(small);
    }

    @Test
    void ciphertextsOfTheFirstFormatStayReadable() throws Exception {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        String plaintext = "{\"written\":\"before compression became adaptive\"}";
        Deflater deflater = new Deflater();
        deflater.setInput(plaintext.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        byte[] deflated = new byte[256];
        deflated = Arrays.copyOf(deflated, deflater.deflate(deflated));
        deflater.end();
        byte[] nonce = new byte[12];
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = aes.doFinal(deflated);
        byte[] keyId = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), 4);
        ByteBuffer firstFormat = ByteBuffer.allocate(1 + 4 + 12 + sealed.length)
                .put((byte) 1).put(keyId).put(nonce).put(sealed);

        String decrypted = AESCipher.fromBase64(Base64.getEncoder().encodeToString(key))
                .decryptToString(Base64.getEncoder().encodeToString(firstFormat.array()));

        assertThat(decrypted).isEqualTo(plaintext);
    }

    @Test
    void alteringAnyByteIsDetected() {
        AESCipher cipher = AESCipher.fromBase64(newKey(16));
        byte[] ciphertext = Base64.getDecoder().decode(cipher.encrypt("{\"amount\":100}"));

        for (int i = 0; i < ciphertext.length; i++) {
            byte[] altered = ciphertext.clone();
            altered[i] ^= 0x01;
            String tampered = Base64.getEncoder().encodeToString(altered);
            assertThatThrownBy(() -> cipher.decryptToString(tampered)).isInstanceOf(DecryptionException.class);
        }
    }

    @Test
    void wrongKeyIsDetected() {
        String ciphertext = AESCipher.fromBase64(newKey(16)).encrypt("{}");

        assertThatThrownBy(() -> AESCipher.fromBase64(newKey(16)).decryptToString(ciphertext))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("not configured");
    }

    @Test
    void previousKeysStillDecryptAfterRotation() {
        String oldKey = newKey(16);
        String newKey = newKey(32);
        String oldCiphertext = AESCipher.fromBase64(oldKey).encrypt("{\"era\":\"old\"}");

        AESCipher rotated = AESCipher.fromBase64(newKey, List.of(oldKey));
        String newCiphertext = rotated.encrypt("{\"era\":\"new\"}");

        assertThat(rotated.decryptToString(oldCiphertext)).isEqualTo("{\"era\":\"old\"}");
        assertThat(AESCipher.fromBase64(newKey).decryptToString(newCiphertext)).isEqualTo("{\"era\":\"new\"}");
        assertThatThrownBy(() -> AESCipher.fromBase64(oldKey).decryptToString(newCiphertext))
                .isInstanceOf(DecryptionException.class);
    }

    @Test
    void malformedKeysAreRejectedWithoutEchoingThem() {
        String shortKey = Base64.getEncoder().encodeToString("twenty-byte-key-1234".getBytes());

        assertThatThrownBy(() -> AESCipher.fromBase64(shortKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("current key")
                .hasMessageContaining("16, 24 or 32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> AESCipher.fromBase64(newKey(16), List.of("not base64 !!")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("previous key #1")
                .hasMessageNotContaining("not base64 !!");
    }

    @Test
    void threadsEncryptAndDecryptAtOnceWithoutMixingUpData() throws Exception {
        AESCipher cipher = AESCipher.fromBase64(newKey(32));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        String plaintext = "{\"thread\":" + thread + ",\"i\":" + i + ",\"text\":\"" + "x".repeat(i)
                                + "\"}";
                        assertThat(cipher.decryptToString(cipher.encrypt(plaintext))).isEqualTo(plaintext);
                        // A failed decryption leaves nothing behind for the next use of the pooled cipher.
                        byte[] altered = Base64.getDecoder().decode(cipher.encrypt(plaintext));
                        altered[altered.length - 1] ^= 0x01;
                        assertThatThrownBy(() -> cipher.decryptToString(Base64.getEncoder().encodeToString(altered)))
                                .isInstanceOf(DecryptionException.class);
                    }
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void toStringRevealsNoKey() {
        String key = newKey(16);

        assertThat(AESCipher.fromBase64(key).toString()).doesNotContain(key).startsWith("AESCipher[");
    }
}
