package io.eventsourcing.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.eventsourcing.benchmarks.Enrolment.CourseOpened;
import io.eventsourcing.benchmarks.Enrolment.Enrolled;
import io.eventsourcing.benchmarks.Measurement.Subject;
import io.eventsourcing.dcb.DcbEventStore;
import io.eventsourcing.dcb.Decision;
import io.eventsourcing.dcb.DecisionProjection;
import io.eventsourcing.dcb.Query;
import io.eventsourcing.dcb.QueryItem;
import io.eventsourcing.domain.TaggedEvent;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.jdbc.FlywaySchemaMigration;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.JdbcDcbEventStore;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * What dynamic consistency boundaries cost on one database. Conditional appends, each a decision over a course's
 * capacity and enrolments followed by its append, and unconditional appends of one tagged event, by all threads,
 * beside the plain append of an entity's event (W1) in the same run. Then the time to read a boundary of
 * {@value #BOUNDARY_EVENTS} events by its tag, in a store of {@value #STORED_EVENTS} tagged events where each
 * boundary's events are spread over the whole log.
 */
final class DcbBenchmark {

    private static final int COURSES = 1_000;
    private static final int STORED_EVENTS = 1_000_000;
    private static final int BOUNDARY_EVENTS = 100;
    private static final int SEEDING_BATCH = 1_000;

    private final BenchmarkDatabase database;
    private final BenchmarkSettings settings;
    private final Measurement measurement;

    DcbBenchmark(BenchmarkDatabase database, BenchmarkSettings settings, Measurement measurement) {
        this.database = database;
        this.settings = settings;
        this.measurement = measurement;
    }

    void run() {
        Progress.report(database.displayName() + ": dynamic consistency boundaries");
        System.out.printf("%n| %s: dynamic consistency boundaries | tagged events | plain append (W1) | ratio |%n",
                database.displayName());
        System.out.println("|---|---:|---:|---:|");
        try (HikariDataSource dataSource = database.newDatabase(settings.poolSize())) {
            LibraryWorkloads plain = LibraryWorkloads.onJdbc(dataSource, LibraryVariant.PLAIN);
            DcbEventStore store = dcbStore(dataSource);
            IntStream.range(0, COURSES).forEach(course -> store.append(List.of(
                    new CourseOpened(String.valueOf(course), Integer.MAX_VALUE, Timestamps.now()))));
            List<Stats> appends = measurement.compare(List.of(Subject.onNewAccounts(plain::appendOne, 1),
                    m -> m.rate(thread -> enrol(store)),
                    m -> m.rate(thread -> {
                        store.append(List.of(enrolment(randomCourse())));
                        return 1;
                    })));
            print("Conditional append: decide on a course's capacity and enrolments, then append, "
                    + settings.threads() + " threads (appends/s)", appends.get(1), appends.get(0));
            print("Unconditional append of one tagged event, " + settings.threads() + " threads (events/s)",
                    appends.get(2), appends.get(0));
        }
        try (HikariDataSource dataSource = database.newDatabase(settings.poolSize())) {
            DcbEventStore store = dcbStore(dataSource);
            seed(store);
            int boundaries = STORED_EVENTS / BOUNDARY_EVENTS;
            List<Stats> read = measurement.compare(List.of(Subject.latency(() -> {
                int events = store.read(Query.of(QueryItem.ofTags(
                        "course:" + ThreadLocalRandom.current().nextInt(boundaries)))).events().size();
                if (events != BOUNDARY_EVENTS) {
                    throw new IllegalStateException("A boundary read " + events + " events");
                }
            })));
            System.out.printf(Locale.ROOT, "| Read a boundary of %d events by its tag, %s tagged events stored"
                    + " (ms per read) | %s | — | — |%n", BOUNDARY_EVENTS, Stats.count(STORED_EVENTS),
                    read.get(0).format());
        }
    }

    private static DcbEventStore dcbStore(HikariDataSource dataSource) {
        JdbcActiveRecordStrategy items = new JdbcActiveRecordStrategy(dataSource, SequencedItemTable.SEQUENCED_ITEMS);
        FlywaySchemaMigration.forDcb(dataSource, SequencedItemTable.SEQUENCED_ITEMS, items.getDialect()).migrate();
        return new JdbcDcbEventStore(items, SequencedItemMapper.create());
    }

    /** One decision and its append, decided again when a concurrent enrolment changed the course meanwhile. */
    private static long enrol(DcbEventStore store) {
        String course = randomCourse();
        DecisionProjection<Integer> capacity = DecisionProjection.initially(0).taggedWith("course:" + course)
                .on(CourseOpened.class, (state, event) -> event.capacity());
        DecisionProjection<Integer> enrolments = DecisionProjection.initially(0).taggedWith("course:" + course)
                .on(Enrolled.class, (count, event) -> count + 1);
        while (true) {
            Decision decision = store.decide(capacity, enrolments);
            if (decision.state(enrolments) >= decision.state(capacity)) {
                throw new IllegalStateException("Course " + course + " is full");
            }
            try {
                decision.append(enrolment(course));
                return 1;
            } catch (ConcurrencyException e) {
                // enrolled meanwhile: decide again
            }
        }
    }

    /** {@value #STORED_EVENTS} enrolments, each boundary's (course's) events spread evenly over the log. */
    private static void seed(DcbEventStore store) {
        int boundaries = STORED_EVENTS / BOUNDARY_EVENTS;
        for (int start = 0; start < STORED_EVENTS; start += SEEDING_BATCH) {
            List<TaggedEvent> batch = new ArrayList<>(SEEDING_BATCH);
            for (int i = start; i < start + SEEDING_BATCH; i++) {
                batch.add(new Enrolled(String.valueOf(i % boundaries), "s" + i, Timestamps.now()));
            }
            store.append(batch);
            if (start % 100_000 == 0) {
                Progress.report("  seeded " + Stats.count(start) + " tagged events");
            }
        }
    }

    private static Enrolled enrolment(String course) {
        return new Enrolled(course, "s" + ThreadLocalRandom.current().nextInt(), Timestamps.now());
    }

    private static String randomCourse() {
        return String.valueOf(ThreadLocalRandom.current().nextInt(COURSES));
    }

    private static void print(String workload, Stats tagged, Stats plain) {
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f |%n", workload, tagged.format(), plain.format(),
                tagged.median() / plain.median());
    }
}
