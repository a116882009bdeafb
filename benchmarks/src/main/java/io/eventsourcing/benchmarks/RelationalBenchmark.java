package io.eventsourcing.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.eventsourcing.benchmarks.Measurement.Subject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The benchmarks on one relational database: W1 to W5 of the library against the independent baseline, W1 to W4
 * also against the library's format written by hand, the cost of encryption (W1 to W4) and of compression (W3),
 * then the bytes per event; printed as Markdown. Each workload measures its sides in turns.
 */
final class RelationalBenchmark {

    static final int W2_EVENTS = 10;
    static final int W3_EVENTS = 1_000;
    static final int PAGE_SIZE = 1_000;
    private static final double ENCRYPTION_MAX_COST = 1.3;
    private static final Seeding SEEDING = new Seeding(1_000);
    private static final List<String> TIMED = List.of("W1", "W2", "W3", "W3s", "W4", "W5");

    /**
     * The sides on one database: the plain library, the baseline and the library's format by hand share a
     * database; the library with encryption and the library with compression have one each, so that the plain
     * side never reads their rows.
     */
    private record Sides(LibraryWorkloads library, HandWrittenWorkloads baseline, HandWrittenWorkloads byHand,
                         LibraryWorkloads encrypted, LibraryWorkloads compressed) {

        /** The sides of W1 to W4, in the order of their figures. */
        List<Workloads> main() {
            return List.of(library, baseline, byHand, encrypted);
        }

        List<Workloads> all() {
            return List.of(library, baseline, byHand, encrypted, compressed);
        }
    }

    private final BenchmarkDatabase database;
    private final BenchmarkSettings settings;
    private final Measurement measurement;
    private final List<Row> rows = new ArrayList<>();
    private final List<Row> costs = new ArrayList<>();
    private final Map<String, Stats> libraryFigures = new HashMap<>();
    private final AtomicLong sink = new AtomicLong();

    RelationalBenchmark(BenchmarkDatabase database, BenchmarkSettings settings, Measurement measurement) {
        this.database = database;
        this.settings = settings;
        this.measurement = measurement;
    }

    /** Runs and prints the benchmarks; returns the plain library's figures by workload (W1, W2, W3, W3/s, W4). */
    Map<String, Stats> run() {
        System.out.printf("%n## %s%n", database.displayName());
        if (TIMED.stream().anyMatch(settings::runs)) {
            runTimed();
        }
        if (settings.runs("log")) {
            new NotificationLogBenchmark(database, settings, measurement).run();
        }
        if (settings.runs("dcb")) {
            new DcbBenchmark(database, settings, measurement).run();
        }
        if (settings.runs("shredding")) {
            new ShreddingBenchmark(database, settings, measurement).run();
        }
        if (settings.runs("bytes")) {
            progress("bytes per event");
            StorageFootprint.print(database, StorageFootprint.measure(database, settings, SEEDING));
        }
        return libraryFigures;
    }

    /** W1 to W5, on new databases, and their table. */
    private void runTimed() {
        System.out.printf("%nStarting the server and seeding...%n");
        try (HikariDataSource plainData = database.newDatabase(settings.poolSize());
                HikariDataSource encryptedData = database.newDatabase(settings.poolSize());
                HikariDataSource compressedData = database.newDatabase(settings.poolSize())) {
            Sides sides = new Sides(LibraryWorkloads.onJdbc(plainData, LibraryVariant.PLAIN),
                    HandWrittenWorkloads.baseline(plainData, database.uuidColumn()),
                    HandWrittenWorkloads.inLibraryFormat(plainData, database.uuidColumn()),
                    LibraryWorkloads.onJdbc(encryptedData, LibraryVariant.ENCRYPTED),
                    LibraryWorkloads.onJdbc(compressedData, LibraryVariant.COMPRESSED));
            String loadBefore = Machine.loadAverage();
            sides.all().forEach(Verification::check);
            Verification.readsAlike(sides.byHand(), sides.library());
            Verification.readsAlike(sides.library(), sides.byHand());
            // What W4 reads: the first rows of each table. The library's format by hand reads the library's table.
            for (Workloads side : List.of(sides.library(), sides.baseline(), sides.encrypted())) {
                SEEDING.accounts(side, settings.w4Events() / W2_EVENTS, W2_EVENTS);
            }
            runWorkloads(sides);
            String loadAfter = Machine.loadAverage();
            printSettings(plainData, loadBefore, loadAfter);
            ResultsTable.print(database, rows, costs);
        }
    }

    private void runWorkloads(Sides sides) {
        if (settings.runs("W1")) {
            progress("W1");
            List<Stats> w1 = measure(sides.main(), side -> Subject.onNewAccounts(side::appendOne, 1));
            addRows("W1", "append, 1 event per transaction, " + settings.threads() + " threads", "events/s", w1,
                    true, 0.90);
        }
        if (settings.runs("W2")) {
            progress("W2");
            List<Stats> w2 = measure(sides.main(), side -> Subject.onNewAccounts(side::appendTen, W2_EVENTS));
            addRows("W2", "append, " + W2_EVENTS + " events per transaction (aggregate save), " + settings.threads()
                    + " threads", "events/s", w2, true, 0.90);
        }
        if (settings.runs("W3")) {
            progress("W3");
            List<Stats> w3 = measure(sides.all(), side -> { // each side loads an account it stored
                UUID account = SEEDING.accounts(side, 1, W3_EVENTS).get(0);
                return Subject.latency(() -> side.load(account));
            });
            String rebuild = "rebuild a " + Stats.count(W3_EVENTS) + "-event account";
            addRows("W3", rebuild, "ms", w3, false, 0.80);
            Stats perSecond = w3.get(0).toRate(W3_EVENTS);
            rows.add(Row.speed("W3 " + rebuild + " (events/s)", perSecond, w3.get(1).toRate(W3_EVENTS),
                    w3.get(2).toRate(W3_EVENTS), true, 0.80));
            costs.add(Row.cost("W3 with compression (ms)", w3.get(4), w3.get(0), false, null));
            libraryFigures.put("W3/s", perSecond);
        }
        if (settings.runs("W3s")) {
            progress("W3s");
            rows.addAll(new SnapshotRows(measurement, SEEDING).measure(sides.library(), sides.baseline()));
        }
        if (settings.runs("W4")) {
            progress("W4");
            int events = settings.w4Events();
            List<Stats> w4 = measure(sides.main(), side -> Subject.inOneThread(thread -> {
                sink.addAndGet(side.readAll(events, PAGE_SIZE));
                return events;
            }));
            addRows("W4", "read the first " + Stats.count(events) + " events in storage order, "
                    + Stats.count(PAGE_SIZE) + " per page", "events/s", w4, true, 0.80);
        }
        if (settings.runs("W5")) {
            progress("W5");
            List<Stats> w5 = measurement.compare(List.of(new RoundTrips(sides.library(), SEEDING, settings.threads()),
                    new RoundTrips(sides.baseline(), SEEDING, settings.threads())));
            rows.add(Row.speed("W5 load, change and save an account, " + settings.threads() + " threads (ops/s)",
                    w5.get(0), w5.get(1), null, true, null));
        }
    }

    /** The figures of each side, measured in turns. */
    private List<Stats> measure(List<Workloads> sides, Function<Workloads, Subject> subject) {
        return measurement.compare(sides.stream().map(subject).toList());
    }

    /** The row of the library against the baselines, and the row of encryption's cost. */
    private void addRows(String key, String workload, String unit, List<Stats> figures, boolean higherIsBetter,
                         double minimum) {
        rows.add(Row.speed(key + " " + workload + " (" + unit + ")", figures.get(0), figures.get(1), figures.get(2),
                higherIsBetter, minimum));
        costs.add(Row.cost(key + " with encryption (" + unit + ")", figures.get(3), figures.get(0), higherIsBetter,
                ENCRYPTION_MAX_COST));
        libraryFigures.put(key, figures.get(0));
    }

    private void printSettings(HikariDataSource dataSource, String loadBefore, String loadAfter) {
        System.out.println();
        database.settings(dataSource).forEach((name, value) -> System.out.println("- " + name + ": " + value));
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            System.out.printf("- Driver: %s %s, URL properties: %s; pool %d connections (HikariCP)%n",
                    metaData.getDriverName(), metaData.getDriverVersion(),
                    database.urlParameters().isEmpty() ? "none" : database.urlParameters(), settings.poolSize());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        System.out.println("- Load average: " + loadBefore + " before, " + loadAfter + " after");
    }

    private void progress(String workload) {
        Progress.report(database.displayName() + ": " + workload);
    }
}
