package io.eventsourcing.benchmarks;

import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.codec.AESCipher;
import io.eventsourcing.infrastructure.codec.ZlibCompressor;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** The library's settings the benchmarks compare: its defaults, and one change to them each. */
enum LibraryVariant {

    /** The defaults: class-name topics, JSON, no compression, no encryption. */
    PLAIN("library") {
        @Override
        SequencedItemMapper.Builder configure(SequencedItemMapper.Builder mapper) {
            return mapper;
        }
    },

    /** Short topics, as {@code @EventTopic} names give them ({@link ShortTopics}). */
    SHORT_TOPICS("library, short topics") {
        @Override
        SequencedItemMapper.Builder configure(SequencedItemMapper.Builder mapper) {
            return mapper.topicResolver(new ShortTopics());
        }
    },

    /** Every event and snapshot encrypted by {@link AESCipher}, with a random key. */
    ENCRYPTED("library, encrypted") {
        @Override
        SequencedItemMapper.Builder configure(SequencedItemMapper.Builder mapper) {
            return mapper.cipher(Keys.CIPHER);
        }
    },

    /** Every event and snapshot compressed by {@link ZlibCompressor} (where that makes it shorter). */
    COMPRESSED("library, compressed") {
        @Override
        SequencedItemMapper.Builder configure(SequencedItemMapper.Builder mapper) {
            return mapper.compressor(new ZlibCompressor());
        }
    };

    private final String label;

    LibraryVariant(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The mapper with this variant's settings. */
    abstract SequencedItemMapper.Builder configure(SequencedItemMapper.Builder mapper);

    /** The stored item of a deposit, to show what a row holds. */
    SequencedItem sampleDeposit() {
        return configure(SequencedItemMapper.builder()).build()
                .toSequencedItem(Payload.deposited(UUID.randomUUID(), 1));
    }

    /** The run's master key: the encrypted variant's cipher, and the key that wraps the data subjects' keys. */
    static AESCipher masterKey() {
        return Keys.CIPHER;
    }

    /** The cipher of the master key, made once per run. */
    private static final class Keys {

        static final AESCipher CIPHER = AESCipher.fromBase64(randomKey());

        private static String randomKey() {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        }
    }
}
