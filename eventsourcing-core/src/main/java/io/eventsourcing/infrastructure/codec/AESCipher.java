package io.eventsourcing.infrastructure.codec;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated AES-GCM encryption, with key rotation.
 * <p>
 * Each encryption uses the current key and a fresh random 96-bit nonce. The ciphertext holds a header (the
 * format version and the 4-byte id of the key, from its SHA-256 digest), the nonce, and the encrypted data with
 * its 128-bit tag, which authenticates the header and the associated data as well. Decryption takes the key by
 * its id among the current and previous keys, so data written before a rotation stays readable. It also reads the
 * two formats of the first release (data deflated inside the ciphertext, and not bound to associated data).
 * Altered data fails its tag check and is never returned. Keys never appear in messages or {@link #toString()}.
 * Thread-safe.
 */
public final class AESCipher implements Cipher {

    private static final byte DEFLATED_FORMAT = 1;
    private static final byte FLAGGED_FORMAT = 2;
    private static final byte BOUND_FORMAT = 3;
    private static final byte DEFLATED_FLAG = 1;
    private static final int KEY_ID_LENGTH = 4;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final int BOUND_HEADER_LENGTH = 1 + KEY_ID_LENGTH;
    private static final int MIN_LENGTH = 1 + KEY_ID_LENGTH + NONCE_LENGTH + TAG_BITS / 8;

    private final SecureRandom random = new SecureRandom();
    // Looking a cipher up costs more than encrypting an event with it; each use initialises it anew.
    private final Pool<javax.crypto.Cipher> aesGcm = new Pool<>(AESCipher::newAesGcm, aes -> { });
    private final Key current;
    private final Map<Integer, Key> keysById;

    private record Key(int id, SecretKeySpec spec) {
    }

    private AESCipher(List<byte[]> keys) {
        Map<Integer, Key> byId = new LinkedHashMap<>();
        for (byte[] key : keys) {
            Key entry = new Key(keyId(key), new SecretKeySpec(key, "AES"));
            byId.putIfAbsent(entry.id(), entry);
        }
        this.keysById = Collections.unmodifiableMap(byId); // in the order given: the current key first
        this.current = byId.get(keyId(keys.get(0)));
    }

    /**
     * A cipher that encrypts with the current key and decrypts with it or any previous key.
     *
     * @param currentKey the base64 encoding of a 16, 24 or 32-byte AES key
     * @param previousKeys earlier current keys, still accepted for decryption
     * @throws IllegalArgumentException if a key is malformed; the message says which key, never its value
     */
    public static AESCipher fromBase64(String currentKey, List<String> previousKeys) {
        List<byte[]> keys = new ArrayList<>();
        keys.add(decodeKey(currentKey, "the current key"));
        for (int i = 0; i < previousKeys.size(); i++) {
            keys.add(decodeKey(previousKeys.get(i), "previous key #" + (i + 1)));
        }
        return new AESCipher(keys);
    }

    /**
     * A cipher with one key, given as its bytes (which it keeps, not copied).
     *
     * @throws IllegalArgumentException if the key is not 16, 24 or 32 bytes long
     */
    public static AESCipher ofKey(byte[] key) {
        requireKeyLength(key.length, "the key");
        return new AESCipher(List.of(key));
    }

    /** A cipher with one key, given as its base64 encoding. */
    public static AESCipher fromBase64(String key) {
        return fromBase64(key, List.of());
    }

    private static byte[] decodeKey(String base64, String which) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(which + " is not valid base64");
        }
        requireKeyLength(key.length, which);
        return key;
    }

    private static void requireKeyLength(int length, String which) {
        if (length != 16 && length != 24 && length != 32) {
            throw new IllegalArgumentException(which + " must have 16, 24 or 32 bytes (AES-128, -192 or -256),"
                    + " not " + length);
        }
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        javax.crypto.Cipher aes = aesGcm.borrow();
        try {
            aes.init(javax.crypto.Cipher.ENCRYPT_MODE, current.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            ByteBuffer out = ByteBuffer.allocate(BOUND_HEADER_LENGTH + NONCE_LENGTH + aes.getOutputSize(plaintext.length));
            out.put(BOUND_FORMAT).putInt(current.id());
            aes.updateAAD(boundData(out.array(), 0, associatedData));
            out.put(nonce);
            aes.doFinal(ByteBuffer.wrap(plaintext), out);
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getMessage(), e);
        } finally {
            aesGcm.giveBack(aes);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
        return decrypt(ciphertext, 0, associatedData);
    }

    /** Decrypts the ciphertext where it lies, without copying it. */
    @Override
    public byte[] decrypt(byte[] data, int offset, byte[] associatedData) {
        ByteBuffer in = ByteBuffer.wrap(data, offset, data.length - offset);
        byte format = in.remaining() < MIN_LENGTH ? 0 : in.get();
        if (format != DEFLATED_FORMAT && format != BOUND_FORMAT
                && !(format == FLAGGED_FORMAT && in.remaining() >= MIN_LENGTH)) {
            throw new DecryptionException("The ciphertext is truncated or not in this cipher's format");
        }
        boolean deflated = format == DEFLATED_FORMAT || format == FLAGGED_FORMAT && in.get() == DEFLATED_FLAG;
        int headerLength = in.position() - offset + KEY_ID_LENGTH;
        int keyId = in.getInt();
        Key key = keyId == current.id() ? current : keysById.get(keyId);
        if (key == null) {
            throw new DecryptionException("The ciphertext was written with a key that is not configured (key id "
                    + Integer.toHexString(keyId) + ")");
        }
        int encrypted = in.position() + NONCE_LENGTH;
        byte[] plaintext;
        javax.crypto.Cipher aes = aesGcm.borrow();
        try {
            aes.init(javax.crypto.Cipher.DECRYPT_MODE, key.spec(),
                    new GCMParameterSpec(TAG_BITS, data, in.position(), NONCE_LENGTH));
            if (format == BOUND_FORMAT) {
                aes.updateAAD(boundData(data, offset, associatedData));
            } else if (format == FLAGGED_FORMAT) {
                aes.updateAAD(data, offset, headerLength);
            }
            plaintext = aes.doFinal(data, encrypted, data.length - encrypted);
        } catch (GeneralSecurityException e) {
            throw new DecryptionException("The ciphertext failed authentication: it was altered, moved from another"
                    + " item, or written with another key", e);
        } finally {
            aesGcm.giveBack(aes);
        }
        return deflated ? ZlibCompressor.inflate(plaintext) : plaintext;
    }

    /**
     * What a ciphertext of the current format authenticates beside its data: its header, then the associated data;
     * given to the cipher at once, which costs less than in two parts.
     */
    private static byte[] boundData(byte[] data, int headerOffset, byte[] associatedData) {
        byte[] bound = new byte[BOUND_HEADER_LENGTH + associatedData.length];
        System.arraycopy(data, headerOffset, bound, 0, BOUND_HEADER_LENGTH);
        System.arraycopy(associatedData, 0, bound, BOUND_HEADER_LENGTH, associatedData.length);
        return bound;
    }

    /**
     * The ids of the keys in hexadecimal, the current key's first, then the previous keys' in the order given: the
     * first 4 bytes of each key's SHA-256 digest, which every ciphertext names. They tell keys apart without
     * revealing them.
     */
    public List<String> keyIds() {
        return keysById.keySet().stream().map(Integer::toHexString).toList();
    }

    /** Describes the cipher without revealing any key. */
    @Override
    public String toString() {
        return "AESCipher[AES-GCM, " + keysById.size() + " key(s), current key id "
                + Integer.toHexString(current.id()) + "]";
    }

    private static javax.crypto.Cipher newAesGcm() {
        try {
            return javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    private static int keyId(byte[] key) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(key)).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
