package io.eventsourcing.infrastructure.codec;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.SchemaVersion;
import io.eventsourcing.infrastructure.shredding.PersonalDataProtection;
import io.eventsourcing.infrastructure.upcasting.SchemaVersions;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The stages between an event and its stored bytes: a {@link Transcoder}; optionally the
 * {@link PersonalDataProtection} that encrypts personal data under its data subject's key; for an event class whose
 * {@link SchemaVersion} is above 1, that version; then an optional {@link Compressor} for data of
 * {@value #COMPRESSION_THRESHOLD} bytes or more that it makes a tenth smaller at least; then, for the events to
 * encrypt, a {@link Cipher}. Each stage after the transcoder marks its output with a leading byte below 9
 * ({@value #SCHEMA_VERSIONED} versioned, {@value #ENCRYPTED} encrypted, the compressor's id compressed,
 * {@value PersonalDataProtection#PERSONAL} holding personal data), so that
 * data reads back whatever stages were configured when it was written: plaintext beside ciphertext, compressed
 * beside not, version 1 (unmarked, as all data written before schema versions) beside later ones. The version is
 * inside the compressed and encrypted data, so that a cipher authenticates it with the rest.
 * Ciphertexts are bound to their item's sequence id and position. The first release's ciphertexts, base64 text,
 * read back too. Immutable and thread-safe.
 */
public final class EventCodec {

    /** The byte that marks data at a schema version above 1, which follows it as an unsigned LEB128 number. */
    public static final byte SCHEMA_VERSIONED = 0;

    /** The byte that marks ciphertext. */
    public static final byte ENCRYPTED = 1;

    /** Data below this size is not compressed: the time it takes outweighs the few bytes it saves. */
    public static final int COMPRESSION_THRESHOLD = 512;

    /** The first byte of the first release's ciphertexts, base64 text of the cipher's formats 1 and 2. */
    private static final byte FIRST_RELEASE_CIPHERTEXT = 'A';
    private static final byte FIRST_MARKER_FREE_BYTE = 9;
    private static final Compressor ZLIB = new ZlibCompressor();

    private final Transcoder transcoder;
    private final @Nullable Compressor compressor;
    private final @Nullable Cipher cipher;
    private final @Nullable PersonalDataProtection personalData;
    private final int maxEventSize;

    /** The stages, for events of at most {@link Compressor#MAX_DECOMPRESSED_SIZE} bytes. */
    public EventCodec(Transcoder transcoder, @Nullable Compressor compressor, @Nullable Cipher cipher) {
        this(transcoder, compressor, cipher, Compressor.MAX_DECOMPRESSED_SIZE);
    }

    /**
     * @param transcoder turns events into bytes
     * @param compressor compresses the bytes before they are encrypted, or {@code null} for none
     * @param cipher encrypts the bytes of the events to encrypt, or {@code null} for none
     * @param maxEventSize the most bytes an event's transcoded data may have
     */
    public EventCodec(Transcoder transcoder, @Nullable Compressor compressor, @Nullable Cipher cipher,
                      int maxEventSize) {
        this(transcoder, null, compressor, cipher, maxEventSize);
    }

    /**
     * @param transcoder turns events into bytes
     * @param personalData encrypts the personal data of events under their subjects' keys, or {@code null} for none
     * @param compressor compresses the bytes before they are encrypted, or {@code null} for none
     * @param cipher encrypts the bytes of the events to encrypt, or {@code null} for none
     * @param maxEventSize the most bytes an event's transcoded data may have
     */
    public EventCodec(Transcoder transcoder, @Nullable PersonalDataProtection personalData,
                      @Nullable Compressor compressor, @Nullable Cipher cipher, int maxEventSize) {
        this.transcoder = Objects.requireNonNull(transcoder, "transcoder");
        this.personalData = personalData;
        this.compressor = compressor;
        this.cipher = cipher;
        if (maxEventSize < 1 || maxEventSize > Compressor.MAX_DECOMPRESSED_SIZE) {
            throw new IllegalArgumentException("maxEventSize must be from 1 to " + Compressor.MAX_DECOMPRESSED_SIZE
                    + " bytes, was " + maxEventSize);
        }
        this.maxEventSize = maxEventSize;
    }

    /**
     * The stored bytes of an event at a place.
     *
     * @param encrypt whether to encrypt them, which needs a cipher
     * @throws EventTooLargeException if the event's data has more bytes than the codec accepts
     * @throws io.eventsourcing.infrastructure.shredding.DataSubjectForgottenException if the event holds personal
     *         data of a forgotten subject
     * @throws IllegalArgumentException if the event cannot be written
     */
    public byte[] encode(DomainEvent event, UUID sequenceId, long position, boolean encrypt) {
        byte[] data = transcoder.encode(event);
        if (data.length > maxEventSize) {
            throw new EventTooLargeException("The event " + event.getClass().getName() + " of sequence " + sequenceId
                    + " at position " + position + " has " + data.length + " bytes of data, more than the "
                    + maxEventSize + " an event may have; nothing was stored", data.length, maxEventSize);
        }
        if (data.length > 0 && data[0] < FIRST_MARKER_FREE_BYTE) {
            throw new IllegalStateException(transcoder + " wrote data starting with byte " + data[0]
                    + ", which marks the stages after it");
        }
        if (personalData != null) {
            data = personalData.protect(event, sequenceId, position, data);
        }
        int schemaVersion = SchemaVersions.of(event.getClass());
        if (schemaVersion > 1) {
            data = withSchemaVersion(schemaVersion, data);
        }
        if (compressor != null && data.length >= COMPRESSION_THRESHOLD) {
            byte[] compressed = compressor.compress(data);
            if (compressed.length + 1 <= data.length * 9 / 10) {
                data = marked(compressor.id(), compressed);
            }
        }
        if (encrypt) {
            data = marked(ENCRYPTED, Objects.requireNonNull(cipher, "cipher").encrypt(data,
                    associatedData(sequenceId, position)));
        }
        return data;
    }

    /**
     * The transcoder's data of stored bytes, and the schema version it was written at: for the transcoder to read
     * as an event of that version.
     *
     * @throws DecryptionException if they are encrypted and cannot be decrypted, or no cipher is configured; or if
     *         they hold personal data that cannot be decrypted, but for a forgotten subject's, which is left out
     * @throws IllegalArgumentException if they cannot be decompressed, or their schema version is malformed
     */
    public TranscodedData unwrap(UUID sequenceId, long position, byte[] data) {
        byte[] plain = data;
        if (plain.length > 0 && plain[0] == FIRST_RELEASE_CIPHERTEXT) {
            plain = requireCipher().decrypt(decodeBase64(plain), associatedData(sequenceId, position));
        } else if (plain.length > 0 && plain[0] == ENCRYPTED) {
            plain = requireCipher().decrypt(plain, 1, associatedData(sequenceId, position));
        }
        if (plain.length > 0 && plain[0] > ENCRYPTED && plain[0] < FIRST_MARKER_FREE_BYTE
                && plain[0] != PersonalDataProtection.PERSONAL) {
            plain = compressorOf(plain[0]).decompress(unmarked(plain));
        }
        TranscodedData transcoded = plain.length > 0 && plain[0] == SCHEMA_VERSIONED ? withoutSchemaVersion(plain)
                : new TranscodedData(1, plain);
        if (!PersonalDataProtection.isProtected(transcoded.data())) {
            return transcoded;
        }
        if (personalData == null) {
            throw new DecryptionException("The data holds personal data, and no data subjects' keys are configured"
                    + " to decrypt it");
        }
        PersonalDataProtection.Revealed revealed = personalData.reveal(sequenceId, position, transcoded.data());
        return new TranscodedData(transcoded.schemaVersion(), revealed.data(), revealed.erased());
    }

    /** Whether stored data is encrypted: by a cipher, now or in the first release. */
    public static boolean isEncrypted(byte[] data) {
        return data.length > 0 && (data[0] == ENCRYPTED || data[0] == FIRST_RELEASE_CIPHERTEXT);
    }

    /** The transcoder of the first stage. */
    public Transcoder getTranscoder() {
        return transcoder;
    }

    private Cipher requireCipher() {
        if (cipher == null) {
            throw new DecryptionException("The data is encrypted, and no cipher is configured to decrypt it");
        }
        return cipher;
    }

    private Compressor compressorOf(byte id) {
        if (compressor != null && compressor.id() == id) {
            return compressor;
        }
        if (id == ZlibCompressor.ID) {
            return ZLIB;
        }
        if (id == ZstdCompressor.ID && ZstdLibrary.PRESENT) {
            return ZstdLibrary.compressor();
        }
        throw new IllegalArgumentException("The data is compressed by an algorithm with id " + id
                + ", and no such compressor is configured");
    }

    /** zstd-jni, an optional dependency, and its compressor, made on first use. */
    private static final class ZstdLibrary {

        static final boolean PRESENT = isPresent();

        private static volatile Compressor compressor;

        static Compressor compressor() {
            if (compressor == null) {
                compressor = new ZstdCompressor();
            }
            return compressor;
        }

        private static boolean isPresent() {
            try {
                Class.forName("com.github.luben.zstd.ZstdDecompressCtx", false, EventCodec.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
    }

    private static byte[] decodeBase64(byte[] text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new DecryptionException("The ciphertext is not valid base64");
        }
    }

    /** The sequence id and position of an item, which its ciphertexts are bound to. */
    public static byte[] associatedData(UUID sequenceId, long position) {
        return ByteBuffer.allocate(24).putLong(sequenceId.getMostSignificantBits())
                .putLong(sequenceId.getLeastSignificantBits()).putLong(position).array();
    }

    private static byte[] withSchemaVersion(int schemaVersion, byte[] data) {
        byte[] version = new byte[5];
        int length = 0;
        for (int rest = schemaVersion; ; rest >>>= 7) {
            if (rest < 0x80) {
                version[length++] = (byte) rest;
                break;
            }
            version[length++] = (byte) (rest & 0x7f | 0x80);
        }
        byte[] versioned = new byte[1 + length + data.length];
        versioned[0] = SCHEMA_VERSIONED;
        System.arraycopy(version, 0, versioned, 1, length);
        System.arraycopy(data, 0, versioned, 1 + length, data.length);
        return versioned;
    }

    private static TranscodedData withoutSchemaVersion(byte[] data) {
        long version = 0;
        for (int index = 1; index < data.length && index <= 5; index++) {
            version |= (long) (data[index] & 0x7f) << (7 * (index - 1));
            if ((data[index] & 0x80) == 0) {
                if (version < 1 || version > Integer.MAX_VALUE) {
                    break;
                }
                return new TranscodedData((int) version, Arrays.copyOfRange(data, index + 1, data.length));
            }
        }
        throw new IllegalArgumentException("The data's schema version is malformed");
    }

    private static byte[] marked(byte marker, byte[] data) {
        byte[] marked = new byte[data.length + 1];
        marked[0] = marker;
        System.arraycopy(data, 0, marked, 1, data.length);
        return marked;
    }

    private static byte[] unmarked(byte[] data) {
        return Arrays.copyOfRange(data, 1, data.length);
    }
}
