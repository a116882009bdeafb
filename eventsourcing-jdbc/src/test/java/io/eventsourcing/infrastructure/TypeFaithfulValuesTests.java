package io.eventsourcing.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.application.PersistencePolicy;
import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.infrastructure.codec.AESCipher;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import io.eventsourcing.infrastructure.snapshot.EventSourcedSnapshotStrategy;
import io.eventsourcing.infrastructure.snapshot.SnapshotPolicy;
import io.eventsourcing.testing.JdbcStores;
import io.eventsourcing.testing.TestDatabase;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import tools.jackson.databind.json.JsonMapper;

/**
 * Values of every type Jackson handles with the JDK's types, generated at random, are stored and read back as
 * they were: set with {@code changeAttribute}, carried in an event's fields, kept in a snapshot, with and without
 * encryption.
 */
class TypeFaithfulValuesTests {

    enum Colour { RED, GREEN, BLUE }

    record Money(BigDecimal amount, String currency) {
    }

    /** A value to set: the name of a {@link Holder} field, and the value. */
    record Change(String field, Object value) {
    }

    /** Every value type, as an event's fields. */
    record Recorded(UUID originatorId, long originatorVersion, Instant timestamp, String text, long number,
                    Integer boxed, BigDecimal decimal, double real, boolean flag, Colour colour, UUID reference,
                    Instant instant, LocalDate date, OffsetDateTime dateTime, Duration duration, Money money,
                    List<LocalDate> dates, Map<String, Money> amounts, String nothing) implements VersionedEvent {
    }

    record Opened(UUID originatorId, long originatorVersion, Instant timestamp) implements VersionedEvent {
    }

    /** An entity with a field of each value type; {@link Recorded} sets them all at once. */
    static class Holder extends TimestampedVersionedEntity {

        private String text;
        private long number;
        private Integer boxed;
        private BigDecimal decimal;
        private double real;
        private boolean flag;
        private Colour colour;
        private UUID reference;
        private Instant instant;
        private LocalDate date;
        private OffsetDateTime dateTime;
        private Duration duration;
        private Money money;
        private List<LocalDate> dates;
        private Map<String, Money> amounts;
        private String nothing = "not yet null";

        Holder(Opened opened) {
            super(opened);
        }

        static Holder open() {
            return create(Opened::new, Holder::new);
        }

        void record(Recorded values) {
            trigger((id, version, timestamp) -> new Recorded(id, version, timestamp, values.text(), values.number(),
                    values.boxed(), values.decimal(), values.real(), values.flag(), values.colour(),
                    values.reference(), values.instant(), values.date(), values.dateTime(), values.duration(),
                    values.money(), values.dates(), values.amounts(), values.nothing()));
        }

        @Override
        protected void when(VersionedEvent event) {
            if (event instanceof Recorded values) {
                for (Field field : Holder.class.getDeclaredFields()) {
                    setAttribute(field.getName(), component(values, field.getName()));
                }
            } else {
                super.when(event);
            }
        }

        Object get(String field) {
            try {
                return Holder.class.getDeclaredField(field).get(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final ActiveRecordStrategy EVENTS =
            JdbcStores.newStore(TestDatabase.H2, SequencedItemTable.SEQUENCED_ITEMS);
    private static final ActiveRecordStrategy SNAPSHOTS = JdbcStores.newStore(TestDatabase.H2, SequencedItemTable.SNAPSHOTS);

    @Property(tries = 150)
    void attributeChangesReadBackAsTheFieldsDeclaredTypes(@ForAll @Size(min = 1, max = 8) List<@From("changes") Change> changes,
                                                          @ForAll boolean encrypted) {
        Holder holder = Holder.open();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (Change change : changes) {
            holder.changeAttribute(change.field(), change.value());
            expected.put(change.field(), change.value());
        }

        for (Holder loaded : saveAndLoad(holder, encrypted)) {
            expected.forEach((field, value) -> assertThat(loaded.get(field)).as(field).isEqualTo(value));
        }
    }

    @Property(tries = 100)
    void eventFieldsReadBackAsWritten(@ForAll("recorded") Recorded values, @ForAll boolean encrypted) {
        Holder holder = Holder.open();
        holder.record(values);
        VersionedEvent written = holder.getPendingEvents().get(1);

        List<Holder> loaded = saveAndLoad(holder, encrypted);

        assertThat(eventStore(encrypted).getDomainEvents(holder.getId()).get(1)).isEqualTo(written);
        for (Holder reloaded : loaded) {
            for (Field field : Holder.class.getDeclaredFields()) {
                assertThat(reloaded.get(field.getName())).as(field.getName())
                        .isEqualTo(component(values, field.getName()));
            }
        }
    }

    /** The entity saved, then loaded from its events and from a snapshot. */
    private static List<Holder> saveAndLoad(Holder holder, boolean encrypted) {
        EventStore eventStore = eventStore(encrypted);
        EventBus bus = new EventBus();
        new PersistencePolicy(eventStore, bus).subscribe();
        Mutator<Holder> mutator = Mutator.ofEntityClass(Holder.class);
        EventSourcedRepository<Holder> fromEvents = new EventSourcedRepository<>(eventStore, mutator, bus);
        EventSourcedRepository<Holder> fromSnapshots = new EventSourcedRepository<>(new EventPlayer<>(eventStore,
                mutator, new EventSourcedSnapshotStrategy(new EventStore(SNAPSHOTS, mapper(encrypted)
                        .sequencing(EventSequencing.TIMESTAMPED).build()), JsonMapper.shared()), Holder.class,
                SnapshotPolicy.never()), bus);

        fromEvents.save(holder);
        fromSnapshots.takeSnapshot(holder.getId());

        return List.of(fromEvents.get(holder.getId()), fromSnapshots.get(holder.getId()));
    }

    private static EventStore eventStore(boolean encrypted) {
        return new EventStore(EVENTS, mapper(encrypted).build());
    }

    private static SequencedItemMapper.Builder mapper(boolean encrypted) {
        return SequencedItemMapper.builder().cipher(encrypted ? AESCipher.fromBase64(KEY) : null);
    }

    private static Object component(Recorded values, String name) {
        try {
            return Recorded.class.getMethod(name).invoke(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<Change> changes() {
        return Arbitraries.oneOf(
                texts().map(value -> new Change("text", value)),
                Arbitraries.longs().map(value -> new Change("number", value)),
                Arbitraries.integers().injectNull(0.2).map(value -> new Change("boxed", value)),
                decimals().map(value -> new Change("decimal", value)),
                reals().map(value -> new Change("real", value)),
                Arbitraries.of(true, false).map(value -> new Change("flag", value)),
                Arbitraries.of(Colour.class).map(value -> new Change("colour", value)),
                Arbitraries.create(UUID::randomUUID).map(value -> new Change("reference", value)),
                instants().map(value -> new Change("instant", value)),
                dates().map(value -> new Change("date", value)),
                dateTimes().map(value -> new Change("dateTime", value)),
                durations().map(value -> new Change("duration", value)),
                money().map(value -> new Change("money", value)),
                dates().list().ofMaxSize(4).map(value -> new Change("dates", value)),
                amounts().map(value -> new Change("amounts", value)),
                Arbitraries.just(new Change("nothing", null)));
    }

    @Provide
    Arbitrary<Recorded> recorded() {
        Arbitrary<Object[]> first = Combinators.combine(texts(), Arbitraries.longs(), Arbitraries.integers().injectNull(0.2),
                decimals(), reals(), Arbitraries.of(true, false), Arbitraries.of(Colour.class), instants())
                .as((text, number, boxed, decimal, real, flag, colour, instant) ->
                        new Object[] {text, number, boxed, decimal, real, flag, colour, instant});
        Arbitrary<Object[]> second = Combinators.combine(dates(), dateTimes(), durations(), money(),
                        dates().list().ofMaxSize(4), amounts())
                .as((date, dateTime, duration, money, dates, amounts) ->
                        new Object[] {date, dateTime, duration, money, dates, amounts});
        return Combinators.combine(first, second).as(TypeFaithfulValuesTests::recorded);
    }

    @SuppressWarnings("unchecked")
    private static Recorded recorded(Object[] first, Object[] second) {
        return new Recorded(UUID.randomUUID(), 1, Instant.EPOCH, (String) first[0], (Long) first[1], (Integer) first[2],
                (BigDecimal) first[3], (Double) first[4], (Boolean) first[5], (Colour) first[6], UUID.randomUUID(),
                (Instant) first[7], (LocalDate) second[0], (OffsetDateTime) second[1], (Duration) second[2],
                (Money) second[3], (List<LocalDate>) second[4], (Map<String, Money>) second[5], null);
    }

    /** Text of any code points but lone surrogates, the NUL character and emoji included. */
    private static Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMaxLength(40),
                Arbitraries.of("", "😀", "a😀é€\u0000\n\"\\", "\uD83D\uDE00\uD83D\uDE00"));
    }

    private static Arbitrary<BigDecimal> decimals() {
        return Combinators.combine(Arbitraries.bigIntegers().between(
                        new java.math.BigInteger("-1" + "0".repeat(40)), new java.math.BigInteger("1" + "0".repeat(40))),
                Arbitraries.integers().between(-20, 30)).as(BigDecimal::new);
    }

    private static Arbitrary<Double> reals() {
        return Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, Double.MAX_VALUE));
    }

    private static Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    private static Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(-365_000, 2_932_896).map(LocalDate::ofEpochDay);
    }

    private static Arbitrary<OffsetDateTime> dateTimes() {
        return Combinators.combine(instants(), Arbitraries.integers().between(-18 * 3600, 18 * 3600))
                .as((instant, offset) -> instant.atOffset(ZoneOffset.ofTotalSeconds(offset)));
    }

    private static Arbitrary<Duration> durations() {
        return Combinators.combine(Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999)).as(Duration::ofSeconds);
    }

    private static Arbitrary<Money> money() {
        return Combinators.combine(decimals(), Arbitraries.of("EUR", "GBP", "JPY")).as(Money::new);
    }

    private static Arbitrary<Map<String, Money>> amounts() {
        return Arbitraries.maps(texts(), money()).ofMaxSize(3);
    }
}
