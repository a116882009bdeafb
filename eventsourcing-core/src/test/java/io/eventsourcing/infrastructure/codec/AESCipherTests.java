package io.eventsourcing.infrastructure.codec;

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

class AESCipherTests {

    private static final byte[] PLACE = "sequence 1, position 2".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_PLACE = "sequence 1, position 3".getBytes(StandardCharsets.UTF_8);

    private static byte[] newKeyBytes(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static String newKey(int bytes) {
        return Base64.getEncoder().encodeToString(newKeyBytes(bytes));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32})
    void roundTripsWithEveryKeySize(int keyBytes) {
        AESCipher cipher = AESCipher.fromBase64(newKey(keyBytes));
        byte[] plaintext = utf8("{\"foo\":\"secret info \u2615\"}");

        byte[] ciphertext = cipher.encrypt(plaintext, PLACE);

        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        assertThat(ciphertext).hasSize(1 + 4 + 12 + plaintext.length + 16);
        assertThat(cipher.decrypt(ciphertext, PLACE)).isEqualTo(plaintext);
    }

    @Test
    void roundTripsTheEmptyPlaintext() {
        AESCipher cipher = AESCipher.fromBase64(newKey(16));

        assertThat(cipher.decrypt(cipher.encrypt(new byte[0], PLACE), PLACE)).isEmpty();
    }

    @Test
    void everyEncryptionUsesAFreshNonce() {
        AESCipher cipher = AESCipher.fromBase64(newKey(16));

        assertThat(cipher.encrypt(utf8("same"), PLACE)).isNotEqualTo(cipher.encrypt(utf8("same"), PLACE));
    }

    @Test
    void aCiphertextIsBoundToItsAssociatedData() {
        AESCipher cipher = AESCipher.fromBase64(newKey(16));
        byte[] ciphertext = cipher.encrypt(utf8("{\"amount\":100}"), PLACE);

        assertThatThrownBy(() -> cipher.decrypt(ciphertext, OTHER_PLACE))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("moved from another item");
    }

    @Test
    void ciphertextsOfTheFirstReleasesFirstFormatStayReadable() throws Exception {
        byte[] key = newKeyBytes(16);
        byte[] plaintext = utf8("{\"written\":\"before compression became adaptive\"}");
        byte[] sealed = seal(key, new byte[0], deflate(plaintext));
        byte[] firstFormat = ByteBuffer.allocate(1 + 4 + 12 + sealed.length)
                .put((byte) 1).put(keyId(key)).put(new byte[12]).put(sealed).array();

        byte[] decrypted = AESCipher.fromBase64(Base64.getEncoder().encodeToString(key)).decrypt(firstFormat, PLACE);

        assertThat(decrypted).isEqualTo(plaintext);
    }

    @Test
    void ciphertextsOfTheFirstReleasesSecondFormatStayReadable() throws Exception {
        byte[] key = newKeyBytes(32);
        byte[] plaintext = utf8("{\"written\":\"with a flagged header\"}");
        byte[] header = ByteBuffer.allocate(6).put((byte) 2).put((byte) 0).put(keyId(key)).array();
        byte[] sealed = seal(key, header, plaintext);
        byte[] secondFormat = ByteBuffer.allocate(6 + 12 + sealed.length).put(header).put(new byte[12]).put(sealed)
                .array();

        byte[] decrypted = AESCipher.fromBase64(Base64.getEncoder().encodeToString(key)).decrypt(secondFormat, PLACE);

        assertThat(decrypted).isEqualTo(plaintext);
    }

    @Test
    void ciphertextsOfTheCurrentFormatWrittenWithoutThisCipherAreRead() throws Exception {
        byte[] key = newKeyBytes(32);
        byte[] plaintext = utf8("{\"written\":\"header and place given to AES-GCM one after the other\"}");
        byte[] header = ByteBuffer.allocate(5).put((byte) 3).put(keyId(key)).array();
        byte[] sealed = seal(key, new byte[][] {header, PLACE}, plaintext);
        byte[] currentFormat = ByteBuffer.allocate(5 + 12 + sealed.length).put(header).put(new byte[12]).put(sealed)
                .array();
        AESCipher cipher = AESCipher.fromBase64(Base64.getEncoder().encodeToString(key));

        assertThat(cipher.decrypt(currentFormat, PLACE)).isEqualTo(plaintext);
        assertThatThrownBy(() -> cipher.decrypt(currentFormat, OTHER_PLACE)).isInstanceOf(DecryptionException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void decryptsInPlaceAfterAnyPrefix(int offset) {
        AESCipher cipher = AESCipher.ofKey(newKeyBytes(16));
        byte[] plaintext = utf8("{\"amount\":100}");
        byte[] ciphertext = cipher.encrypt(plaintext, PLACE);
        byte[] prefixed = new byte[offset + ciphertext.length];
        Arrays.fill(prefixed, 0, offset, (byte) 3);
        System.arraycopy(ciphertext, 0, prefixed, offset, ciphertext.length);

        assertThat(cipher.decrypt(prefixed, offset, PLACE)).isEqualTo(plaintext);
        assertThat(prefixed).endsWith(ciphertext);
        prefixed[prefixed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(prefixed, offset, PLACE)).isInstanceOf(DecryptionException.class)
                .hasMessageContaining("failed authentication");
        assertThatThrownBy(() -> cipher.decrypt(prefixed, prefixed.length - 20, PLACE))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("truncated");
    }

    @Test
    void aCipherWithoutItsOwnInPlaceDecryptionIsGivenACopyOfTheCiphertext() {
        List<byte[]> given = new ArrayList<>();
        Cipher reversing = new Cipher() {
            @Override
            public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
                return reversed(plaintext);
            }

            @Override
            public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
                given.add(ciphertext);
                return reversed(ciphertext);
            }
        };
        byte[] data = {9, 3, 2, 1};

        assertThat(reversing.decrypt(data, 1, PLACE)).containsExactly(1, 2, 3);
        assertThat(given).singleElement().isNotSameAs(data);
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] reversed = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            reversed[i] = bytes[bytes.length - 1 - i];
        }
        return reversed;
    }

    private static byte[] seal(byte[] key, byte[] associatedData, byte[] data) throws Exception {
        return seal(key, new byte[][] {associatedData}, data);
    }

    private static byte[] seal(byte[] key, byte[][] associatedDataParts, byte[] data) throws Exception {
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, new byte[12]));
        for (byte[] part : associatedDataParts) {
            aes.updateAAD(part);
        }
        return aes.doFinal(data);
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] deflated = new byte[256];
        deflated = Arrays.copyOf(deflated, deflater.deflate(deflated));
        deflater.end();
        return deflated;
    }

    private static byte[] keyId(byte[] key) throws Exception {
        return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), 4);
    }

    @Test
    void alteringAnyByteIsDetected() {
        AESCipher cipher = AESCipher.fromBase64(newKey(16));
        byte[] ciphertext = cipher.encrypt(utf8("{\"amount\":100}"), PLACE);

        for (int i = 0; i < ciphertext.length; i++) {
            byte[] altered = ciphertext.clone();
            altered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt(altered, PLACE)).isInstanceOf(DecryptionException.class);
        }
        assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(ciphertext, 20), PLACE))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("truncated");
    }

    @Test
    void wrongKeyIsDetected() {
        byte[] ciphertext = AESCipher.fromBase64(newKey(16)).encrypt(utf8("{}"), PLACE);

        assertThatThrownBy(() -> AESCipher.fromBase64(newKey(16)).decrypt(ciphertext, PLACE))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("not configured");
    }

    @Test
    void previousKeysStillDecryptAfterRotation() {
        String oldKey = newKey(16);
        String newKey = newKey(32);
        byte[] oldCiphertext = AESCipher.fromBase64(oldKey).encrypt(utf8("{\"era\":\"old\"}"), PLACE);

        AESCipher rotated = AESCipher.fromBase64(newKey, List.of(oldKey));
        byte[] newCiphertext = rotated.encrypt(utf8("{\"era\":\"new\"}"), PLACE);

        assertThat(rotated.decrypt(oldCiphertext, PLACE)).isEqualTo(utf8("{\"era\":\"old\"}"));
        assertThat(AESCipher.fromBase64(newKey).decrypt(newCiphertext, PLACE)).isEqualTo(utf8("{\"era\":\"new\"}"));
        assertThatThrownBy(() -> AESCipher.fromBase64(oldKey).decrypt(newCiphertext, PLACE))
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
                        byte[] plaintext = utf8("{\"thread\":" + thread + ",\"i\":" + i + ",\"text\":\"" + "x".repeat(i)
                                + "\"}");
                        assertThat(cipher.decrypt(cipher.encrypt(plaintext, PLACE), PLACE)).isEqualTo(plaintext);
                        // A failed decryption leaves nothing behind for the next use of the pooled cipher.
                        byte[] altered = cipher.encrypt(plaintext, PLACE);
                        altered[altered.length - 1] ^= 0x01;
                        assertThatThrownBy(() -> cipher.decrypt(altered, PLACE)).isInstanceOf(DecryptionException.class);
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

    @Test
    void keyIdsNameTheCurrentKeyFirstThenThePreviousOnesAsTheirCiphertextsDo() throws Exception {
        byte[] current = newKeyBytes(32);
        byte[] previous = newKeyBytes(16);
        AESCipher cipher = AESCipher.fromBase64(Base64.getEncoder().encodeToString(current),
                List.of(Base64.getEncoder().encodeToString(previous)));

        assertThat(cipher.keyIds()).containsExactly(hex(keyId(current)), hex(keyId(previous)));
        byte[] ciphertext = cipher.encrypt(utf8("named"), PLACE);
        assertThat(hex(Arrays.copyOfRange(ciphertext, 1, 5))).isEqualTo(hex(keyId(current)));
    }

    private static String hex(byte[] keyId) {
        return Integer.toHexString(ByteBuffer.wrap(keyId).getInt());
    }
}
