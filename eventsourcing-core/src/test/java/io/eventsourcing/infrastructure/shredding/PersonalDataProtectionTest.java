package io.eventsourcing.infrastructure.shredding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.PersonalData;
import io.eventsourcing.domain.TaggedEvent;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.codec.AESCipher;
import io.eventsourcing.infrastructure.codec.DecryptionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The stage that moves personal attributes into a ciphertext under their subject's key, and back. */
class PersonalDataProtectionTest {

    record Paid(UUID originatorId, long originatorVersion, Instant timestamp, @PersonalData @Nullable BigDecimal amount,
                @PersonalData @Nullable BigInteger card, BigDecimal fee) implements VersionedEvent {
    }

    record Noted(UUID originatorId, long originatorVersion, Instant timestamp, String note) implements VersionedEvent {
    }

    @PersonalData
    record Tagged(String name, Instant timestamp) implements TaggedEvent {
        @Override
        public Set<String> tags() {
            return Set.of("name:" + name);
        }
    }

    private final KeysInMemory keyRows = new KeysInMemory();
    private final SubjectKeys keys = new SubjectKeys(keyRows,
            AESCipher.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="), 10);
    private final PersonalDataProtection protection = new PersonalDataProtection(keys);
    private final SequencedItemMapper mapper = SequencedItemMapper.builder().subjectKeys(keys).build();

    @Test
    void numbersReadBackExactlyThroughTheSplitAndTheMerge() {
        Paid paid = new Paid(UUID.randomUUID(), 0, Timestamps.now(), new BigDecimal("1.50"),
                new BigInteger("123456789012345678901234567890"), new BigDecimal("0.10"));

        SequencedItem item = mapper.toSequencedItem(paid);

        assertThat(item.data()[0]).isEqualTo(PersonalDataProtection.PERSONAL);
        assertThat(new String(item.data(), StandardCharsets.ISO_8859_1)).contains("0.10").doesNotContain("1.50");
        assertThat(mapper.fromSequencedItem(item)).isEqualTo(paid);
    }

    @Test
    void eventsWithoutPersonalDataAreStoredAsWithoutTheStage() {
        Noted noted = new Noted(UUID.randomUUID(), 0, Timestamps.now(), "plain");

        assertThat(mapper.toSequencedItem(noted)).isEqualTo(SequencedItemMapper.create().toSequencedItem(noted));
        assertThat(keyRows.rows).isEmpty();
    }

    @Test
    void taggedEventsCannotHoldPersonalData() {
        assertThatThrownBy(() -> mapper.toSequencedItem(new Tagged("ada", Timestamps.now()), UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Tagged.class.getName());
    }

    @Test
    void truncatedPersonalDataIsRefused() {
        byte[] data = protection.protect(new Paid(UUID.randomUUID(), 0, Timestamps.now(), BigDecimal.ONE,
                BigInteger.TWO, BigDecimal.TEN), UUID.randomUUID(), 0, "{\"amount\":1,\"card\":2,\"fee\":10}"
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> protection.reveal(UUID.randomUUID(), 0, Arrays.copyOf(data, 3)))
                .isInstanceOf(DecryptionException.class).hasMessageContaining("truncated");
    }

    @Test
    void aLostKeyIsAnErrorNotAnErasure() {
        Paid paid = new Paid(UUID.randomUUID(), 0, Timestamps.now(), BigDecimal.ONE, BigInteger.TWO, BigDecimal.TEN);
        SequencedItem item = mapper.toSequencedItem(paid);
        keyRows.rows.clear();
        SequencedItemMapper restarted = SequencedItemMapper.builder().subjectKeys(new SubjectKeys(keyRows,
                AESCipher.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="), 10)).build();

        assertThatThrownBy(() -> restarted.fromSequencedItem(item)).hasMessageContaining(paid.originatorId()
                .toString()).hasMessageContaining("not forgotten");
    }

    @Test
    void keysNeverAppearInDescriptions() {
        UUID subject = UUID.randomUUID();
        keys.forWriting(subject, true);

        assertThat(keys.toString()).doesNotContain(Arrays.toString(keyRows.rows.get(subject)));
        assertThat(keyRows.find(subject).orElseThrow().toString()).isEqualTo("StoredDataKey[" + subject + "]");
    }

    /** Key rows in a map: the unit under test is the codec stage, whose stores have contract tests of their own. */
    private static final class KeysInMemory implements DataKeyStore {

        final Map<UUID, byte @Nullable []> rows = new TreeMap<>();

        @Override
        public synchronized Optional<StoredDataKey> find(UUID subjectId) {
            return rows.containsKey(subjectId) ? Optional.of(new StoredDataKey(subjectId, rows.get(subjectId)))
                    : Optional.empty();
        }

        @Override
        public synchronized StoredDataKey create(UUID subjectId, byte[] wrappedKey, Consumer<Boolean> whenSettled) {
            if (!rows.containsKey(subjectId)) {
                rows.put(subjectId, wrappedKey);
                whenSettled.accept(true);
            }
            return new StoredDataKey(subjectId, rows.get(subjectId));
        }

        @Override
        public synchronized void forget(UUID subjectId) {
            rows.put(subjectId, null);
        }

        @Override
        public synchronized boolean replace(UUID subjectId, byte[] expected, byte[] wrappedKey) {
            return false;
        }

        @Override
        public synchronized List<StoredDataKey> page(@Nullable UUID after, int limit) {
            return List.of();
        }
    }
}
