package io.eventsourcing.infrastructure.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.domain.SchemaVersion;
import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.infrastructure.EventSequencing;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTests {

    record Noted(UUID originatorId, long originatorVersion, Instant timestamp, String text) implements VersionedEvent {
    }

    @SchemaVersion(300)
    record Revised(UUID originatorId, long originatorVersion, Instant timestamp, String text) implements VersionedEvent {
    }

    private static final UUID ID = UUID.randomUUID();
    private static final Transcoder JSON = new JacksonTranscoder(JsonMapper.shared(), EventSequencing.ORIGINATOR);
    private static final Cipher CIPHER = AESCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16]));

    private static Noted noted(String text) {
        return new Noted(ID, 4, Instant.parse("2026-12-03T10:00:00Z"), text);
    }

    private static Noted decode(EventCodec codec, long position, byte[] data) {
        TranscodedData transcoded = codec.unwrap(ID, position, data);
        assertThat(transcoded.schemaVersion()).isEqualTo(1);
        return JSON.decode(Noted.class, ID, position, transcoded.data());
    }

    @Test
    void plainDataIsTheTranscodersJsonAndReadsBack() {
        EventCodec codec = new EventCodec(JSON, null, null);

        byte[] data = codec.encode(noted("plain"), ID, 4, false);

        assertThat(data).asString().isEqualTo("{\"timestamp\":1796292000000000,\"text\":\"plain\"}");
        assertThat(decode(codec, 4, data)).isEqualTo(noted("plain"));
    }

    @Test
    void eachCompressorMarksItsDataWhichReadsBackWithoutIt() {
        String large = "a long and repetitive text ".repeat(40);
        for (Compressor compressor : new Compressor[] {new ZlibCompressor(), new ZstdCompressor()}) {
            byte[] data = new EventCodec(JSON, compressor, null).encode(noted(large), ID, 4, false);

            assertThat(data[0]).as(compressor.toString()).isEqualTo(compressor.id());
            assertThat(data).hasSizeLessThan(large.length() / 10);
            assertThat(decode(new EventCodec(JSON, null, null), 4, data)).isEqualTo(noted(large));
        }
    }

    @Test
    void dataBelowTheThresholdOrThatCompressionMakesLessThanATenthSmallerIsLeftAsItIs() {
        Compressor saving5Percent = new Compressor() {
            @Override
            public byte id() {
                return 8;
            }

            @Override
            public byte[] compress(byte[] data) {
                return Arrays.copyOf(data, data.length * 95 / 100);
            }

            @Override
            public byte[] decompress(byte[] data) {
                throw new UnsupportedOperationException();
            }
        };

        assertThat(new EventCodec(JSON, new ZstdCompressor(), null).encode(noted("short ".repeat(70)), ID, 4, false))
                .startsWith('{').hasSizeLessThan(EventCodec.COMPRESSION_THRESHOLD);
        assertThat(new EventCodec(JSON, saving5Percent, null).encode(noted("long ".repeat(200)), ID, 4, false))
                .startsWith('{').hasSizeGreaterThan(1000);
    }

    @Test
    void encryptedDataIsMarkedAndNeedsTheCipherAndThePlaceItWasWrittenAt() {
        EventCodec codec = new EventCodec(JSON, new ZlibCompressor(), CIPHER);
        String large = "secret ".repeat(200);

        byte[] data = codec.encode(noted(large), ID, 4, true);

        assertThat(data[0]).isEqualTo(EventCodec.ENCRYPTED);
        assertThat(data).asString().doesNotContain("secret");
        assertThat(decode(codec, 4, data)).isEqualTo(noted(large));
        assertThatThrownBy(() -> decode(codec, 5, data)).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> decode(new EventCodec(JSON, null, null), 4, data))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("no cipher is configured");
    }

    @Test
    void theSchemaVersionOfAClassAboveOneLeadsItsDataInsideCompressionAndEncryption() {
        Revised revised = new Revised(ID, 4, Instant.parse("2026-12-03T10:00:00Z"), "revised ".repeat(100));
        byte[] json = JSON.encode(revised);

        byte[] plain = new EventCodec(JSON, null, null).encode(revised, ID, 4, false);
        byte[] sealed = new EventCodec(JSON, new ZstdCompressor(), CIPHER).encode(revised, ID, 4, true);

        assertThat(Arrays.copyOf(plain, 3)).containsExactly(EventCodec.SCHEMA_VERSIONED, 300 & 0x7f | 0x80, 300 >> 7);
        assertThat(Arrays.copyOfRange(plain, 3, plain.length)).isEqualTo(json);
        assertThat(sealed[0]).isEqualTo(EventCodec.ENCRYPTED);
        for (byte[] data : List.of(plain, sealed)) {
            TranscodedData transcoded = new EventCodec(JSON, null, CIPHER).unwrap(ID, 4, data);
            assertThat(transcoded.schemaVersion()).isEqualTo(300);
            assertThat(transcoded.data()).isEqualTo(json);
        }
    }

    @Test
    void aMalformedSchemaVersionIsRefused() {
        EventCodec codec = new EventCodec(JSON, null, null);

        for (byte[] data : List.of(new byte[] {0}, new byte[] {0, (byte) 0x80}, new byte[] {0, 0, '{', '}'})) {
            assertThatThrownBy(() -> codec.unwrap(ID, 4, data))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The data's schema version is malformed");
        }
    }

    @Test
    void anEventLargerThanTheLimitIsRefusedNamingItsPlaceAndSizes() {
        EventCodec codec = new EventCodec(JSON, new ZstdCompressor(), null, 1000);

        assertThat(codec.encode(noted("x".repeat(900)), ID, 4, false)).isNotEmpty();
        assertThatThrownBy(() -> codec.encode(noted("x".repeat(1000)), ID, 4, false))
                .isInstanceOf(EventTooLargeException.class)
                .hasMessageContaining(ID + " at position 4")
                .hasMessageContaining("has 1040 bytes of data, more than the 1000 an event may have")
                .satisfies(e -> assertThat(((EventTooLargeException) e).getMaxSize()).isEqualTo(1000));
    }

    @Test
    void dataOfAnUnknownCompressorIsRefusedNamingItsId() {
        EventCodec codec = new EventCodec(JSON, null, null);

        assertThatThrownBy(() -> codec.unwrap(ID, 4, new byte[] {7, 1, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id 7");
    }

    @Test
    void aTranscoderWhoseOutputLooksMarkedIsRefused() {
        Transcoder marking = new Transcoder() {
            @Override
            public EventSequencing sequencing() {
                return EventSequencing.ORIGINATOR;
            }

            @Override
            public byte[] encode(io.eventsourcing.domain.DomainEvent event) {
                return new byte[] {2, '{', '}'};
            }

            @Override
            public <E extends io.eventsourcing.domain.DomainEvent> E decode(Class<E> eventClass, UUID sequenceId,
                                                                             long position, byte[] data) {
                throw new UnsupportedOperationException();
            }
        };

        assertThatThrownBy(() -> new EventCodec(marking, null, null).encode(noted("x"), ID, 4, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("starting with byte 2");
    }
}
