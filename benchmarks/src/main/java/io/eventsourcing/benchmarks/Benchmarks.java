package io.eventsourcing.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.cassandra.CassandraActiveRecordStrategy;
import io.eventsourcing.infrastructure.cassandra.CassandraConsistency;
import io.eventsourcing.infrastructure.codec.AESCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the library against a raw-JDBC baseline on embedded PostgreSQL and MariaDB, and prints a Markdown table
 * per database; then the library alone on real Cassandra nodes ({@link #runCassandra()}). Settings are
 * system properties ({@code -Dbenchmarks.seconds=1.5} and the others in {@link #main(String[])}); run with
 * {@code java -jar benchmarks/target/benchmarks.jar}.
 * <p>
 * Workloads W1 to W4 are measured in turns for three subjects: the library, the baseline, and the library with
 * encryption and compression on (in a database of its own, so that the plain reads never meet encrypted data).
 */
public final class Benchmarks {

    private static final int W2_EVENTS = 10;
    private static final int W3_EVENTS = 1_000;
    private static final int[] W3S_EVENTS = {10, 1_000, 10_000};
    private static final int W3S_AFTER_SNAPSHOT = 5;
    private static final int PAGE_SIZE = 1_000;
    private static final int SEED_CHUNK = 1_000;
    private static final int W5_ACCOUNTS_PER_THREAD = 100;
    private static final int W5_EVENTS = 10;
    private static final String CASSANDRA = "cassandra";
    /** Cassandra last: its table shows the PostgreSQL section's library figures beside its own. */
    private static final String DEFAULT_DATABASES = "postgresql,mariadb," + CASSANDRA;
    /** Cassandra takes at most this many items per append: its seeds are appended one 100-event account at a time. */
    private static final int CASSANDRA_SEED_CHUNK = CassandraActiveRecordStrategy.MAX_ITEMS_PER_APPEND;

    private final Measurement measurement;
    private final int poolSize;
    private final int w4Events;
    private final int cassandraW4Events;
    /** The plain library's figures on PostgreSQL by workload (W1, W2, W3, W3/s, W4), for the Cassandra table. */
    private final Map<String, Stats> postgresLibrary = new HashMap<>();
    private final JsonMapper jsonMapper = JsonMapper.builder().build();
    private final AESCipher cipher = AESCipher.fromBase64(randomKey());
    private final AtomicLong sink = new AtomicLong();
    private final Set<String> workloads;
    private final long started = System.nanoTime();

    private Benchmarks(Measurement measurement, int poolSize, int w4Events, int cassandraW4Events,
                       Set<String> workloads) {
        this.measurement = measurement;
        this.poolSize = poolSize;
        this.w4Events = w4Events;
        this.cassandraW4Events = cassandraW4Events;
        this.workloads = workloads;
    }

    /**
     * Runs the benchmarks. System properties: {@code benchmarks.databases} (postgresql,mariadb,cassandra; see
     * {@link #runCassandra()} for the last), {@code benchmarks.seconds} per repetition (1.5),
     * {@code benchmarks.warmups} (1), {@code benchmarks.repetitions} (5), {@code benchmarks.threads} (4),
     * {@code benchmarks.pool} (8), {@code benchmarks.w4.events} (20000), {@code benchmarks.cassandra.w4.events}
     * (5000), and {@code benchmarks.workloads} to run only some of them (W1,W2,W3,W3s,W4,W5).
     */
    public static void main(String[] args) {
        List<String> databases = List.of(System.getProperty("benchmarks.databases", DEFAULT_DATABASES).split(","))
                .stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        databases.stream().filter(name -> !name.equals(CASSANDRA))
                .forEach(name -> BenchmarkDatabase.valueOf(name.toUpperCase(Locale.ROOT))); // fail early on a typo
        Duration duration = Duration.ofMillis(Math.round(
                Double.parseDouble(System.getProperty("benchmarks.seconds", "1.5")) * 1000));
        int warmUps = Integer.getInteger("benchmarks.warmups", 1);
        int repetitions = Integer.getInteger("benchmarks.repetitions", 5);
        int threads = Integer.getInteger("benchmarks.threads", 4);
        int poolSize = Integer.getInteger("benchmarks.pool", 8);
        int w4Events = Integer.getInteger("benchmarks.w4.events", 20_000);
        int cassandraW4Events = Integer.getInteger("benchmarks.cassandra.w4.events", 5_000);
        Set<String> workloads = Set.of(System.getProperty("benchmarks.workloads", "W1,W2,W3,W3s,W4,W5").split(","));
        long start = System.nanoTime();
        try (Measurement measurement = new Measurement(duration, warmUps, repetitions, threads)) {
            Benchmarks benchmarks = new Benchmarks(measurement, poolSize, w4Events, cassandraW4Events, workloads);
            benchmarks.printMachine(databases.contains(CASSANDRA));
            for (String database : databases) {
                if (database.equals(CASSANDRA)) {
                    benchmarks.runCassandra();
                } else {
                    benchmarks.run(BenchmarkDatabase.valueOf(database.toUpperCase(Locale.ROOT)));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nTotal time: %.0f s%n", (System.nanoTime() - start) / 1e9);
        System.exit(0); // the embedded servers' shutdown hooks stop them
    }

    private void run(BenchmarkDatabase database) {
        System.out.printf("%n## %s%n%nStarting the server and seeding...%n", database.displayName());
        try (HikariDataSource plainData = database.newDatabase(poolSize);
                HikariDataSource encryptedData = database.newDatabase(poolSize);
                LibraryWorkloads library = new LibraryWorkloads(plainData, jsonMapper, null);
                LibraryWorkloads encrypted = new LibraryWorkloads(encryptedData, jsonMapper, cipher)) {
            RawJdbcWorkloads raw = new RawJdbcWorkloads(plainData, database.nativeUuid(), jsonMapper);
            String loadBefore = loadAverage();
            check(library);
            check(raw);
            check(encrypted);

            // What W4 reads: the first w4Events rows of each table (after the few that the checks wrote).
            seedAccounts(library.eventStore(), w4Events / W2_EVENTS, W2_EVENTS);
            seedAccounts(encrypted.eventStore(), w4Events / W2_EVENTS, W2_EVENTS);

            List<Row> rows = new ArrayList<>();
            List<Row> costs = new ArrayList<>();
            if (selected("W1")) {
                progress("W1");
                List<Stats> w1 = measurement.compare(List.of(
                        rate(library::appendOne, 1), rate(raw::appendOne, 1), rate(encrypted::appendOne, 1)));
                rows.add(Row.speed("W1 append, 1 event per transaction, " + threads() + " threads (events/s)",
                        w1.get(0), w1.get(1), true, 0.90));
                costs.add(Row.cost("W1 with encryption (events/s)", w1.get(2), w1.get(0), true, 1.3));
                remember(database, "W1", w1.get(0));
            }
            if (selected("W2")) {
                progress("W2");
                List<Stats> w2 = measurement.compare(List.of(
                        subscribed(library, rate(library::appendTen, W2_EVENTS)), rate(raw::appendTen, W2_EVENTS),
                        subscribed(encrypted, rate(encrypted::appendTen, W2_EVENTS))));
                rows.add(Row.speed("W2 append, " + W2_EVENTS + " events per transaction (aggregate save), "
                        + threads() + " threads (events/s)", w2.get(0), w2.get(1), true, 0.85));
                costs.add(Row.cost("W2 with encryption (events/s)", w2.get(2), w2.get(0), true, 1.3));
                remember(database, "W2", w2.get(0));
            }
            if (selected("W3")) {
                progress("W3");
                UUID w3Plain = seedAccounts(library.eventStore(), 1, W3_EVENTS).get(0);
                UUID w3Encrypted = seedAccounts(encrypted.eventStore(), 1, W3_EVENTS).get(0);
                List<Stats> w3 = measurement.compare(List.of(latency(() -> library.load(w3Plain)),
                        latency(() -> raw.load(w3Plain)), latency(() -> encrypted.load(w3Encrypted))));
                rows.add(Row.speed("W3 rebuild a " + count(W3_EVENTS) + "-event account (ms)", w3.get(0), w3.get(1),
                        false, 0.80));
                rows.add(Row.speed("W3 rebuild a " + count(W3_EVENTS) + "-event account (events/s)",
                        perSecond(w3.get(0), W3_EVENTS), perSecond(w3.get(1), W3_EVENTS), true, 0.80));
                costs.add(Row.cost("W3 with encryption (ms)", w3.get(2), w3.get(0), false, 1.3));
                remember(database, "W3", w3.get(0));
                remember(database, "W3/s", perSecond(w3.get(0), W3_EVENTS));
            }
            if (selected("W3s")) {
                progress("W3s");
                rows.addAll(snapshotRows(library, raw));
            }
            if (selected("W4")) {
                progress("W4");
                List<Stats> w4 = measurement.compare(List.of(rate(1, thread -> readAll(library, w4Events)),
                        rate(1, thread -> readAll(raw, w4Events)), rate(1, thread -> readAll(encrypted, w4Events))));
                rows.add(Row.speed("W4 read the first " + count(w4Events) + " events in storage order, "
                        + count(PAGE_SIZE) + " per page (events/s)", w4.get(0), w4.get(1), true, 0.80));
                costs.add(Row.cost("W4 with encryption (events/s)", w4.get(2), w4.get(0), true, 1.3));
                remember(database, "W4", w4.get(0));
            }
            if (selected("W5")) {
                progress("W5");
                List<Stats> w5 = measurement.compare(List.of(
                        subscribed(library, new RoundTrips(library, library.eventStore())),
                        new RoundTrips(raw, library.eventStore())));
                rows.add(Row.speed("W5 load, change and save an account, " + threads() + " threads (ops/s)",
                        w5.get(0), w5.get(1), true, null));
            }
            rows.addAll(costs);

            printSettings(database, plainData, loadBefore);
            printTable(database, rows);
        }
    }

    /** W3s: every history length on both sides, measured in turns, so that the lengths meet the same conditions. */
    private List<Row> snapshotRows(LibraryWorkloads library, RawJdbcWorkloads raw) {
        List<Measurement.Subject> subjects = new ArrayList<>();
        for (int events : W3S_EVENTS) {
            UUID libraryAccount = seedWithSnapshot(library, library.eventStore(), events);
            UUID rawAccount = seedWithSnapshot(raw, library.eventStore(), events);
            subjects.add(latency(() -> library.loadFromSnapshot(libraryAccount)));
            subjects.add(latency(() -> raw.loadFromSnapshot(rawAccount)));
        }
        List<Stats> stats = measurement.compare(subjects);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < W3S_EVENTS.length; i++) {
            rows.add(Row.speed("W3s rebuild from a snapshot + " + W3S_AFTER_SNAPSHOT + " events, history of "
                    + count(W3S_EVENTS[i]) + " (ms)", stats.get(2 * i), stats.get(2 * i + 1), false, null));
        }
        int longest = W3S_EVENTS.length - 1;
        double growth = stats.get(2 * longest).median() / stats.get(0).median();
        String target = String.format(Locale.ROOT, "≤ 1.50× the %s-event time: %.2f×", count(W3S_EVENTS[0]),
                growth);
        rows.set(longest, rows.get(longest).withTarget(target, growth <= 1.5));
        return rows;
    }

    /** An account of {@code events} events with a snapshot {@link #W3S_AFTER_SNAPSHOT} events before its end. */
    private UUID seedWithSnapshot(Workloads side, EventStore eventStore, int events) {
        UUID account = UUID.randomUUID();
        int before = events - W3S_AFTER_SNAPSHOT;
        for (int from = 0; from < before; from += SEED_CHUNK) {
            eventStore.append(Payload.events(account, from, Math.min(SEED_CHUNK, before - from)));
        }
        side.takeSnapshot(account);
        eventStore.append(Payload.events(account, before, W3S_AFTER_SNAPSHOT));
        expect(side.loadFromSnapshot(account), events, "an account loaded from its snapshot");
        return account;
    }

    /** Runs each workload once and checks what it stored and read, so that no figure comes from a broken side. */
    private static void check(Workloads side) {
        if (side instanceof LibraryWorkloads library) {
            library.subscribe();
        }
        try {
            UUID one = UUID.randomUUID();
            side.appendOne(one);
            expect(side.load(one), 1, "an account after appendOne");
            UUID ten = UUID.randomUUID();
            side.appendTen(ten);
            expect(side.load(ten), W2_EVENTS, "an account after appendTen");
            side.roundTrip(ten);
            expect(side.load(ten), W2_EVENTS + 1, "an account after a round trip");
            side.readAll(W2_EVENTS, PAGE_SIZE);
        } finally {
            if (side instanceof LibraryWorkloads library) {
                library.close();
            }
        }
    }

    private static void expect(long actual, long expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException("The version of " + what + " is " + actual + ", not " + expected);
        }
    }

    /** New accounts of {@code events} events each, stored {@link #SEED_CHUNK} events per transaction. */
    private static List<UUID> seedAccounts(EventStore eventStore, int accounts, int events) {
        return seedAccounts(eventStore, accounts, events, SEED_CHUNK);
    }

    /** New accounts of {@code events} events each, stored {@code chunk} events per append. */
    private static List<UUID> seedAccounts(EventStore eventStore, int accounts, int events, int chunkSize) {
        List<UUID> ids = new ArrayList<>();
        List<DomainEvent> chunk = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            for (int from = 0; from < events; from += chunkSize) {
                chunk.addAll(Payload.events(id, from, Math.min(chunkSize, events - from)));
                if (chunk.size() >= chunkSize) {
                    eventStore.append(chunk);
                    chunk.clear();
                }
            }
        }
        if (!chunk.isEmpty()) {
            eventStore.append(chunk);
        }
        return ids;
    }

    private long readAll(Workloads side, int events) {
        sink.addAndGet(side.readAll(events, PAGE_SIZE));
        return events;
    }

    /** W5: each thread loads, changes and saves its own accounts in turn; new accounts for every repetition. */
    private final class RoundTrips implements Measurement.Subject {

        private final Workloads side;
        private final EventStore seedStore;
        private List<List<UUID>> accounts = List.of();

        /** Round trips of one side, on accounts seeded through the given store (both sides read the same data). */
        RoundTrips(Workloads side, EventStore seedStore) {
            this.side = side;
            this.seedStore = seedStore;
        }

        @Override
        public void setUp(int repetition) {
            List<List<UUID>> perThread = new ArrayList<>();
            for (int t = 0; t < threads(); t++) {
                perThread.add(seedAccounts(seedStore, W5_ACCOUNTS_PER_THREAD, W5_EVENTS));
            }
            accounts = perThread;
        }

        @Override
        public double measure(Measurement m) {
            long[] next = new long[threads()];
            return m.rate(thread -> {
                List<UUID> own = accounts.get(thread);
                side.roundTrip(own.get((int) (next[thread]++ % own.size())));
                return 1;
            });
        }
    }

    // --- Cassandra ------------------------------------------------------------------------------------------------

    /**
     * The Cassandra section: the library's W1 to W4 (there is no raw baseline on Cassandra) on one real node, then on
     * a cluster of three with replication factor 3, each started by the build's test harness and killed after; one
     * table with both, and the library's PostgreSQL figures beside them if PostgreSQL ran before in this JVM.
     */
    private void runCassandra() {
        long sectionStart = System.nanoTime();
        System.out.printf("%n## Apache Cassandra%n%n");
        System.out.printf(Locale.ROOT, "The library only (Cassandra has no raw-JDBC baseline). Every append is a"
                        + " lightweight transaction (a Paxos round) per partition; an account's events are one"
                        + " partition. Seeds: W4 reads %s events seeded as %d accounts of %d events (one append"
                        + " each); W3 loads a %s-event account seeded in %d appends of %d.%n", count(cassandraW4Events),
                cassandraW4Events / CASSANDRA_SEED_CHUNK, CASSANDRA_SEED_CHUNK, count(W3_EVENTS),
                W3_EVENTS / CASSANDRA_SEED_CHUNK, CASSANDRA_SEED_CHUNK);
        Path directory;
        try {
            directory = Files.createTempDirectory("eventsourcing-benchmarks-cassandra");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> columns = new ArrayList<>();
        List<Map<String, Stats>> figures = new ArrayList<>();
        for (int nodes : new int[] {1, 3}) {
            String column = nodes == 1 ? "1 node, RF 1" : nodes + " nodes, RF " + nodes;
            columns.add(column);
            System.out.printf("%n### %s%n%nStarting %s and seeding...%n", column,
                    nodes == 1 ? "the node" : "the nodes");
            progress("Cassandra, " + column + ": starting");
            try (CassandraDeployment deployment = CassandraDeployment.start(nodes, nodes,
                    CassandraConsistency.DEFAULT, directory.resolve(nodes + "-nodes"));
                    LibraryWorkloads library = deployment.newWorkloads("sequenced_items", jsonMapper)) {
                String loadBefore = loadAverage();
                figures.add(cassandraFigures(library, column));
                System.out.println();
                deployment.settings().forEach((name, value) -> System.out.println("- " + name + ": " + value));
                System.out.println("- Load average: " + loadBefore + " before, " + loadAverage() + " after");
            } catch (RuntimeException e) {
                figures.add(Map.of());
                System.out.println("Failed, no figures: " + e);
                e.printStackTrace();
            }
        }
        printCassandraTable(columns, figures);
        System.out.printf(Locale.ROOT, "%nNode logs under %s. The Cassandra section took %.0f s.%n", directory,
                (System.nanoTime() - sectionStart) / 1e9);
    }

    /** W1 to W4 of the library on one deployment, by workload key (W1, W2, W3, W3/s, W4). */
    private Map<String, Stats> cassandraFigures(LibraryWorkloads library, String column) {
        check(library);
        seedAccounts(library.eventStore(), cassandraW4Events / CASSANDRA_SEED_CHUNK, CASSANDRA_SEED_CHUNK,
                CASSANDRA_SEED_CHUNK);
        Map<String, Stats> figures = new LinkedHashMap<>();
        AtomicLong w1Events = new AtomicLong();
        AtomicLong w2Events = new AtomicLong();
        if (selected("W1")) {
            progress("Cassandra, " + column + ": W1");
            figures.put("W1", measurement.compare(List.of(rate(account -> {
                library.appendOne(account);
                w1Events.incrementAndGet();
            }, 1))).get(0));
        }
        if (selected("W2")) {
            progress("Cassandra, " + column + ": W2");
            figures.put("W2", measurement.compare(List.of(subscribed(library, rate(account -> {
                library.appendTen(account);
                w2Events.addAndGet(W2_EVENTS);
            }, W2_EVENTS)))).get(0));
        }
        if (selected("W3")) {
            progress("Cassandra, " + column + ": W3");
            UUID account = seedAccounts(library.eventStore(), 1, W3_EVENTS, CASSANDRA_SEED_CHUNK).get(0);
            Stats w3 = measurement.compare(List.of(latency(() -> library.load(account)))).get(0);
            figures.put("W3", w3);
            figures.put("W3/s", perSecond(w3, W3_EVENTS));
        }
        if (selected("W4")) {
            progress("Cassandra, " + column + ": W4");
            figures.put("W4", measurement.compare(List.of(rate(1, thread -> readAll(library, cassandraW4Events))))
                    .get(0));
        }
        System.out.printf(Locale.ROOT, "W1 appended %,d events and W2 %,d in all (warm-up included).%n",
                w1Events.get(), w2Events.get());
        return figures;
    }

    private void printCassandraTable(List<String> columns, List<Map<String, Stats>> figures) {
        boolean withPostgres = !postgresLibrary.isEmpty();
        System.out.println();
        System.out.println("| Cassandra workload (library) | " + String.join(" | ", columns)
                + (withPostgres ? " | PostgreSQL (library) |" : " |"));
        System.out.println("|---|" + "---:|".repeat(columns.size() + (withPostgres ? 1 : 0)));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("W1", "W1 append, 1 event per append, " + threads() + " threads (events/s)");
        labels.put("W2", "W2 append, " + W2_EVENTS + " events per append (aggregate save), " + threads()
                + " threads (events/s)");
        labels.put("W3", "W3 rebuild a " + count(W3_EVENTS) + "-event account (ms)");
        labels.put("W3/s", "W3 rebuild a " + count(W3_EVENTS) + "-event account (events/s)");
        labels.put("W4", "W4 read the first " + count(cassandraW4Events) + " events in storage order, "
                + count(PAGE_SIZE) + " per page (events/s)");
        labels.forEach((key, label) -> {
            if (figures.stream().anyMatch(deployment -> deployment.containsKey(key))) {
                StringBuilder line = new StringBuilder("| " + label + " | ");
                figures.forEach(deployment -> line.append(cell(deployment.get(key))).append(" | "));
                if (withPostgres) {
                    line.append(cell(postgresLibrary.get(key))).append(" |");
                }
                System.out.println(line.toString().strip());
            }
        });
        if (withPostgres) {
            System.out.printf("%nPostgreSQL (library): the plain library's figures of the PostgreSQL section above"
                    + " (durable, one server; W4 read the first %s events there).%n", count(w4Events));
        } else {
            System.out.printf("%nNo PostgreSQL figures beside these: run with"
                    + " -Dbenchmarks.databases=postgresql,cassandra for them.%n");
        }
    }

    private static String cell(@Nullable Stats stats) {
        return stats == null ? "—" : stats.format();
    }

    private void remember(BenchmarkDatabase database, String workload, Stats library) {
        if (database == BenchmarkDatabase.POSTGRESQL) {
            postgresLibrary.put(workload, library);
        }
    }

    // --- subjects -------------------------------------------------------------------------------------------------

    private interface Action {
        void run() throws Exception;
    }

    private interface PerAccount {
        void run(UUID accountId);
    }

    /** Units per second of an action on new accounts, by all threads. */
    private static Measurement.Subject rate(PerAccount action, int units) {
        return m -> m.rate(thread -> {
            action.run(UUID.randomUUID());
            return units;
        });
    }

    private static Measurement.Subject rate(int threads, Measurement.Operation operation) {
        return m -> m.rate(threads, operation);
    }

    /** Milliseconds per call, in one thread. */
    private Measurement.Subject latency(Action action) {
        return m -> m.latency(thread -> {
            action.run();
            return 1;
        });
    }

    /** The subject, with the library's persistence policy subscribed while it runs. */
    private static Measurement.Subject subscribed(LibraryWorkloads library, Measurement.Subject subject) {
        return new Measurement.Subject() {
            @Override
            public void setUp(int repetition) {
                subject.setUp(repetition);
                library.subscribe();
            }

            @Override
            public double measure(Measurement m) {
                return subject.measure(m);
            }

            @Override
            public void tearDown() {
                library.close();
                subject.tearDown();
            }
        };
    }

    // --- output ---------------------------------------------------------------------------------------------------

    private void printMachine(boolean withCassandra) {
        Runtime runtime = Runtime.getRuntime();
        System.out.println("# Event sourcing benchmarks");
        System.out.println();
        System.out.printf("- Machine: %s, %d processors, %s; load average at start %s%n", cpuModel(),
                runtime.availableProcessors(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                loadAverage());
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        System.out.printf("- JVM: %s %s, max heap %d MiB, GC %s, options: %s%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), runtime.maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", ")), options.isEmpty() ? "none" : String.join(" ", options));
        System.out.printf(Locale.ROOT, "- Runs: %d warm-up and %d measured repetitions of %.1f s per workload and"
                        + " subject, in turns; figures are medians (min–max, ±half the range as a share of the"
                        + " median)%n",
                measurement.warmUps(), measurement.repetitions(), measurement.duration().toMillis() / 1000.0);
        String deposited = jsonMapper.writeValueAsString(Payload.deposited(UUID.randomUUID(), 1));
        System.out.printf("- Payload: %d bytes of JSON per event (a record of UUID, version, timestamp, amount and a"
                        + " %d-character note); %d bytes encrypted (AES-GCM of the JSON)%n",
                deposited.getBytes(StandardCharsets.UTF_8).length, Payload.NOTE.length(),
                cipher.encrypt(deposited.getBytes(StandardCharsets.UTF_8), new byte[0]).length + 1);
        System.out.printf("- Threads: %d for W1, W2 and W5; 1 for W3, W3s and W4. HikariCP pool: %d connections%n",
                threads(), poolSize);
        System.out.printf("- Batch: W2 stores %d events per transaction; W4 reads %s events, %s per page; W5 works on"
                        + " %d new %d-event accounts per thread and repetition%n", W2_EVENTS, count(w4Events),
                count(PAGE_SIZE), W5_ACCOUNTS_PER_THREAD, W5_EVENTS);
        System.out.println("- Ratio: library speed ÷ raw JDBC speed (higher is better); for the encryption rows, the"
                + " cost per event with encryption and compression ÷ the plain library's (lower is better)");
        if (!withCassandra) {
            System.out.println("- Cassandra: left out of this run; it is in the default run (-Dbenchmarks.databases="
                    + DEFAULT_DATABASES + ": one node, then three, about 2.5 minutes more)");
        }
    }

    private void printSettings(BenchmarkDatabase database, HikariDataSource dataSource, String loadBefore) {
        System.out.println();
        for (Map.Entry<String, String> setting : database.settings(dataSource).entrySet()) {
            System.out.println("- " + setting.getKey() + ": " + setting.getValue());
        }
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            System.out.printf("- Driver: %s %s, URL properties: %s; pool %d connections (HikariCP)%n",
                    metaData.getDriverName(), metaData.getDriverVersion(),
                    database.urlParameters().isEmpty() ? "none" : database.urlParameters(), poolSize);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        System.out.println("- Load average: " + loadBefore + " before, " + loadAverage() + " after");
    }

    private static void printTable(BenchmarkDatabase database, List<Row> rows) {
        System.out.println();
        System.out.println("| " + database.displayName() + " workload | library | raw JDBC | ratio | target | met? |");
        System.out.println("|---|---:|---:|---:|---|---|");
        rows.forEach(row -> System.out.println(row.markdown()));
        double[] spreads = rows.stream().mapToDouble(row -> row.library().spread()).toArray();
        Row noisiest = rows.stream().max(Comparator.comparingDouble(row -> row.library().spread())).orElseThrow();
        System.out.printf(Locale.ROOT, "%nNoise: over the rows, the library's repetitions ranged ±%.0f%% of their"
                        + " median (median of the rows), ±%.0f%% at most (%s).%n", Stats.of(spreads).median() * 50,
                noisiest.library().spread() * 50, noisiest.workload());
    }

    /** Says on standard error what is being measured, so that standard output holds only the report. */
    private void progress(String workload) {
        System.err.printf(Locale.ROOT, "  measuring %s (%.0f s)...%n", workload, (System.nanoTime() - started) / 1e9);
    }

    private boolean selected(String workload) {
        return workloads.contains(workload);
    }

    private int threads() {
        return measurement.threads();
    }

    private static Stats perSecond(Stats milliseconds, int units) {
        return new Stats(units * 1000 / milliseconds.median(), units * 1000 / milliseconds.max(),
                units * 1000 / milliseconds.min());
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
