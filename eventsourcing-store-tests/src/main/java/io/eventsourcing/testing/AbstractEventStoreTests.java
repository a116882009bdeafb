package io.eventsourcing.testing;

import static io.eventsourcing.testing.TestItems.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.ClassTopicResolver;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.DataIntegrityException;
import io.eventsourcing.infrastructure.EventSequencing;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.PositionRange;
import io.eventsourcing.infrastructure.PositionedEvent;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.TopicResolutionException;
import io.eventsourcing.infrastructure.codec.AESCipher;
import io.eventsourcing.infrastructure.codec.ZlibCompressor;
import io.eventsourcing.testing.TestEvents.Currency;
import io.eventsourcing.testing.TestEvents.Deposited;
import io.eventsourcing.testing.TestEvents.ItemAdded;
import io.eventsourcing.testing.TestEvents.LogEntry;
import io.eventsourcing.testing.TestEvents.Money;
import io.eventsourcing.testing.TestEvents.Renamed;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EventStore} over a store: every store passes it unchanged. A subclass gives a
 * new, empty store for each test.
 */
public abstract class AbstractEventStoreTests {

    private static final ClassTopicResolver TOPICS = new ClassTopicResolver(List.of(Renamed.class));

    private ActiveRecordStrategy store;
    private EventStore eventStore;

    /** A new, empty store. */
    protected abstract ActiveRecordStrategy createStore();

    @BeforeEach
    void setUpEventStore() {
        store = createStore();
        eventStore = new EventStore(store, SequencedItemMapper.builder().topicResolver(TOPICS).build());
    }

    private static Deposited deposited(UUID id, long version) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("b", 2);
        counts.put("a", 1);
        return new Deposited(id, version, Instant.parse("2026-11-26T10:15:30.123456789Z"),
                new Money(new BigDecimal("1234567890.1230"), Currency.GBP), LocalDate.of(2026, 2, 28),
                Duration.ofMillis(1500), List.of("x", "y"), counts);
    }

    @Test
    void eventsRoundTripExactly() {
        UUID id = UUID.randomUUID();
        Deposited event = deposited(id, 0);

        eventStore.append(event);

        List<DomainEvent> events = eventStore.getDomainEvents(id);
        assertThat(events).containsExactly(event);
        Deposited read = (Deposited) events.get(0);
        assertThat(read.money().amount().scale()).isEqualTo(4);
        assertThat(read.counts().keySet()).containsExactly("b", "a");
    }

    @Test
    void eventsArePlacedByOriginatorIdAndVersion() {
        UUID id = UUID.randomUUID();
        eventStore.append(List.of(deposited(id, 0), deposited(id, 1)));

        SequencedItem item = store.getItem(id, 1).orElseThrow();
        assertThat(item.topic()).isEqualTo(Deposited.class.getName());
        assertThat(text(item.data())).contains("1234567890.1230").doesNotContain(id.toString())
                .doesNotContain("originatorVersion");
    }

    @Test
    void annotatedTopicIsStoredAndResolved() {
        UUID id = UUID.randomUUID();
        Renamed event = new Renamed(id, 0, Instant.now(), "new name");

        eventStore.append(event);

        assertThat(store.getItem(id, 0)).get().extracting(SequencedItem::topic).isEqualTo("test.Renamed");
        assertThat(eventStore.getDomainEvents(id)).containsExactly(event);
    }

    @Test
    void eventsAreSelectedByBoundsLimitAndOrder() {
        UUID id = UUID.randomUUID();
        eventStore.append(LongStream.range(0, 5).mapToObj(version -> deposited(id, version)).toList());

        assertThat(versions(eventStore.getDomainEvents(id, PositionRange.all().gt(1).lte(3)))).containsExactly(2L, 3L);
        assertThat(versions(eventStore.getDomainEvents(id, PositionRange.all().inDescendingOrder().limit(2))))
                .containsExactly(4L, 3L);
        assertThat(eventStore.getMostRecentEvent(id)).contains(deposited(id, 4));
        assertThat(eventStore.getMostRecentEvent(UUID.randomUUID())).isEmpty();
    }

    @Test
    void appendOfManyEventsIsAllOrNothing() {
        UUID id = UUID.randomUUID();
        eventStore.append(deposited(id, 0));

        assertThatThrownBy(() -> eventStore.append(List.of(deposited(id, 1), deposited(id, 0))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(versions(eventStore.getDomainEvents(id))).containsExactly(0L);
    }

    @Test
    void allEventsComeInStorageOrderAndResumeFromAPosition() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<DomainEvent> appended = List.of(deposited(first, 0), deposited(second, 0), deposited(first, 1),
                deposited(second, 1), deposited(first, 2));
        appended.forEach(eventStore::append);

        List<PositionedEvent> all = eventStore.getAllDomainEvents(0, 2).toList();
        assertThat(all).extracting(PositionedEvent::event).containsExactlyElementsOf(appended);
        assertThat(eventStore.getAllDomainEvents(all.get(2).storagePosition(), 2))
                .extracting(PositionedEvent::event).containsExactlyElementsOf(appended.subList(3, 5));
        assertThat(eventStore.getAllDomainEvents().count()).isEqualTo(5);
    }

    @Test
    void eventsAreSequencedByTheAttributesTheSequencingNames() {
        EventStore aggregates = new EventStore(store, SequencedItemMapper.builder()
                .sequencing(new EventSequencing("basketId", "basketVersion")).build());
        UUID id = UUID.randomUUID();
        List<ItemAdded> events = List.of(new ItemAdded(id, 0, Instant.now(), "a"),
                new ItemAdded(id, 1, Instant.now(), "b"));

        aggregates.append(events);

        assertThat(store.getItems(id)).extracting(SequencedItem::position).containsExactly(0L, 1L);
        assertThat(aggregates.getDomainEvents(id)).containsExactlyElementsOf(events);
    }

    @Test
    void timestampedEventsAreSequencedInTimeWithMicrosecondPositions() {
        EventStore log = new EventStore(store, SequencedItemMapper.builder()
                .sequencing(EventSequencing.TIMESTAMPED).build());
        UUID logId = UUID.randomUUID();
        List<LogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            entries.add(new LogEntry(logId, Timestamps.now(), "entry " + i));
        }

        entries.forEach(log::append);

        assertThat(log.getDomainEvents(logId)).containsExactlyElementsOf(entries);
        assertThat(store.getItems(logId)).extracting(SequencedItem::position)
                .containsExactlyElementsOf(entries.stream().map(e -> Timestamps.toMicros(e.timestamp())).toList());
        long middle = Timestamps.toMicros(entries.get(25).timestamp());
        assertThat(log.getDomainEvents(logId, PositionRange.all().gt(middle))).containsExactlyElementsOf(
                entries.subList(26, 50));
        assertThatThrownBy(() -> log.append(new LogEntry(logId, entries.get(3).timestamp(), "same time")))
                .isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void unknownTopicIsReportedWithSequenceIdAndPosition() {
        UUID id = UUID.randomUUID();
        store.append(new SequencedItem(id, 0, "com.example.NoSuchEvent", utf8("{}")));

        assertThatThrownBy(() -> eventStore.getDomainEvents(id))
                .isInstanceOf(TopicResolutionException.class)
                .hasMessageContaining(id.toString())
                .hasMessageContaining("position 0")
                .hasMessageContaining("com.example.NoSuchEvent");
    }

    @Test
    void topicOfANonEventClassIsRejected() {
        UUID id = UUID.randomUUID();
        store.append(new SequencedItem(id, 0, "java.lang.Runtime", utf8("{}")));

        assertThatThrownBy(() -> eventStore.getDomainEvents(id))
                .isInstanceOf(TopicResolutionException.class)
                .hasMessageContaining("not a DomainEvent");
    }

    @Test
    void corruptDataIsReportedWithSequenceIdAndPosition() {
        UUID id = UUID.randomUUID();
        eventStore.append(deposited(id, 0));
        store.append(new SequencedItem(id, 1, Deposited.class.getName(), utf8("{\"money\": not json")));

        assertThatThrownBy(() -> eventStore.getDomainEvents(id))
                .isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining(id.toString())
                .hasMessageContaining("position 1");
    }

    private static final String OLD_KEY = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());
    private static final String NEW_KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes());

    private EventStore encryptedStore(String currentKey, List<String> previousKeys) {
        return new EventStore(store, SequencedItemMapper.builder()
                .topicResolver(TOPICS)
                .cipher(AESCipher.fromBase64(currentKey, previousKeys))
                .build());
    }

    private static Renamed secret(UUID id, long version) {
        return new Renamed(id, version, Instant.parse("2026-11-26T12:00:00Z"), "secret info " + version);
    }

    @Test
    void encryptedEventsHideTheirDataAndReadBackExactly() {
        EventStore encrypted = encryptedStore(NEW_KEY, List.of());
        UUID id = UUID.randomUUID();
        List<Renamed> events = List.of(secret(id, 0), secret(id, 1));

        encrypted.append(events);

        assertThat(store.getItems(id)).extracting(item -> text(item.data())).noneMatch(data -> data.contains("secret"));
        assertThat(encrypted.getDomainEvents(id)).containsExactlyElementsOf(events);
    }

    @Test
    void dataWrittenUnderAnOldKeyStaysReadableAfterRotation() {
        UUID id = UUID.randomUUID();
        encryptedStore(OLD_KEY, List.of()).append(secret(id, 0));

        EventStore rotated = encryptedStore(NEW_KEY, List.of(OLD_KEY));
        rotated.append(secret(id, 1));

        assertThat(rotated.getDomainEvents(id)).containsExactly(secret(id, 0), secret(id, 1));
        assertThatThrownBy(() -> encryptedStore(NEW_KEY, List.of()).getDomainEvents(id))
                .isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining(id.toString())
                .hasMessageContaining("position 0");
    }

    @Test
    void tamperingOneByteMakesExactlyThatEventFailToLoad() {
        EventStore encrypted = encryptedStore(NEW_KEY, List.of());
        UUID intact = UUID.randomUUID();
        encrypted.append(List.of(secret(intact, 0), secret(intact, 1)));
        UUID tampered = UUID.randomUUID();
        encrypted.append(secret(tampered, 0));
        SequencedItem original = encrypted.getSequencedItemMapper().toSequencedItem(secret(tampered, 1));
        byte[] ciphertext = original.data().clone();
        ciphertext[ciphertext.length / 2] ^= 0x01;
        store.append(new SequencedItem(tampered, 1, original.topic(), ciphertext));

        assertThat(encrypted.getDomainEvents(intact)).hasSize(2);
        assertThat(encrypted.getDomainEvents(tampered, PositionRange.all().lt(1))).hasSize(1);
        assertThatThrownBy(() -> encrypted.getDomainEvents(tampered))
                .isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining(tampered.toString())
                .hasMessageContaining("position 1")
                .hasMessageContaining("altered");
    }

    @Test
    void aCiphertextMovedToAnotherItemFailsToDecryptNamingThatItem() {
        EventStore encrypted = encryptedStore(NEW_KEY, List.of());
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        encrypted.append(secret(first, 0));
        SequencedItem stolen = store.getItem(first, 0).orElseThrow();

        store.append(new SequencedItem(second, 0, stolen.topic(), stolen.data()));

        assertThatThrownBy(() -> encrypted.getDomainEvents(second))
                .isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining(second.toString())
                .hasMessageContaining("position 0")
                .hasMessageContaining("moved from another item");
        assertThat(encrypted.getDomainEvents(first)).containsExactly(secret(first, 0));
    }

    @Test
    void encryptionTurnedOnOverPlaintextHistoryReadsBothAndTurnedOffWithTheKeyKeptReadsBoth() {
        UUID id = UUID.randomUUID();
        EventStore plain = new EventStore(store, SequencedItemMapper.builder().topicResolver(TOPICS).build());
        plain.append(secret(id, 0));

        EventStore encrypted = encryptedStore(NEW_KEY, List.of());
        encrypted.append(secret(id, 1));
        EventStore keyKeptButOff = new EventStore(store, SequencedItemMapper.builder().topicResolver(TOPICS)
                .cipher(AESCipher.fromBase64(NEW_KEY)).alwaysEncrypt(false).build());
        keyKeptButOff.append(secret(id, 2));

        List<Renamed> all = List.of(secret(id, 0), secret(id, 1), secret(id, 2));
        assertThat(encrypted.getDomainEvents(id)).containsExactlyElementsOf(all);
        assertThat(keyKeptButOff.getDomainEvents(id)).containsExactlyElementsOf(all);
        assertThat(store.getItems(id)).extracting(item -> text(item.data()).contains("secret info"))
                .containsExactly(true, false, true);
        assertThatThrownBy(() -> plain.getDomainEvents(id))
                .isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining(id.toString())
                .hasMessageContaining("position 1")
                .hasMessageContaining("no cipher is configured");
    }

    @Test
    void compressedEventsReadBackBesideUncompressedOnes() {
        UUID id = UUID.randomUUID();
        EventStore compressing = new EventStore(store, SequencedItemMapper.builder().topicResolver(TOPICS)
                .compressor(new ZlibCompressor()).cipher(AESCipher.fromBase64(NEW_KEY)).alwaysEncrypt(false).build());
        Renamed large = new Renamed(id, 1, Instant.parse("2026-11-26T12:00:00Z"), "long text ".repeat(200));
        eventStore.append(secret(id, 0));

        compressing.append(large);

        assertThat(store.getItem(id, 1).orElseThrow().data().length).isLessThan(large.name().length() / 10);
        assertThat(compressing.getDomainEvents(id)).containsExactly(secret(id, 0), large);
        assertThat(eventStore.getDomainEvents(id)).containsExactly(secret(id, 0), large);
    }

    @Test
    void rowsOfTheFirstReleaseReadBack() {
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        store.append(List.of(
                new SequencedItem(id, 0, "test.Renamed", utf8("{\"entityId\":\"" + other + "\",\"entityVersion\":7,"
                        + "\"timestamp\":\"2026-11-26T12:00:00.123456789Z\",\"name\":\"first release\"}")),
                new SequencedItem(id, 1, "test.Renamed", utf8("{\"originatorId\":\"" + other + "\","
                        + "\"originatorVersion\":9,\"timestamp\":\"2026-11-26T12:00:01Z\",\"name\":\"renamed\"}"))));

        assertThat(eventStore.getDomainEvents(id)).containsExactly(
                new Renamed(id, 0, Instant.parse("2026-11-26T12:00:00.123456789Z"), "first release"),
                new Renamed(id, 1, Instant.parse("2026-11-26T12:00:01Z"), "renamed"));
    }

    @Test
    void theLibrarysOwnEventsOfTheFirstReleaseReadBack() {
        UUID id = UUID.randomUUID();
        store.append(List.of(
                new SequencedItem(id, 1, "io.eventsourcing.domain.AggregateRoot$AttributeChanged", utf8("{\"aggregateId\":"
                        + "\"" + id + "\",\"aggregateVersion\":1,\"timestamp\":\"2026-11-26T12:00:00Z\",\"name\":\"label\","
                        + "\"value\":{\"kind\":\"groceries\"}}")),
                new SequencedItem(id, 2, "io.eventsourcing.domain.AggregateRoot$Discarded", utf8("{\"aggregateId\":"
                        + "\"" + id + "\",\"aggregateVersion\":2,\"timestamp\":\"2026-11-26T12:00:01Z\"}"))));

        assertThat(eventStore.getDomainEvents(id)).containsExactly(
                new TimestampedVersionedEntity.AttributeChanged(id, 1, Instant.parse("2026-11-26T12:00:00Z"), "label",
                        new TimestampedVersionedEntity.AttributeValue("java.lang.Object", Map.of("kind", "groceries"))),
                new TimestampedVersionedEntity.Discarded(id, 2, Instant.parse("2026-11-26T12:00:01Z")));
    }

    @Test
    void timestampsAreStoredAsMicrosecondsAndFinerOnesExactly() {
        UUID id = UUID.randomUUID();
        Renamed micros = new Renamed(id, 0, Instant.parse("2026-11-26T12:00:00.123456Z"), "a");
        Renamed nanos = new Renamed(id, 1, Instant.parse("2026-11-26T12:00:00.123456789Z"), "b");

        eventStore.append(List.of(micros, nanos));

        assertThat(text(store.getItem(id, 0).orElseThrow().data())).contains("\"timestamp\":1795694400123456");
        assertThat(eventStore.getDomainEvents(id)).containsExactly(micros, nanos);
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    private static List<Long> versions(List<DomainEvent> events) {
        return events.stream().map(event -> ((Deposited) event).originatorVersion()).toList();
    }
}
