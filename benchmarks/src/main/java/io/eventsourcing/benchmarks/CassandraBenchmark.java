package io.eventsourcing.benchmarks;

import io.eventsourcing.benchmarks.Measurement.Subject;
import io.eventsourcing.infrastructure.cassandra.CassandraActiveRecordStrategy;
import io.eventsourcing.infrastructure.cassandra.CassandraConsistency;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The library's W1 to W4 on real Cassandra nodes (there is no hand-written baseline on Cassandra): one node, then a
 * cluster of three with replication factor 3, each started by the build's test harness and killed after; one table
 * with both, and the library's PostgreSQL figures of the same run beside them when there are some.
 */
final class CassandraBenchmark {

    /** Cassandra takes at most this many items per append: its seeds are appended one 100-event account at a time. */
    private static final Seeding SEEDING = new Seeding(CassandraActiveRecordStrategy.MAX_ITEMS_PER_APPEND);
    private static final int ACCOUNT_EVENTS = CassandraActiveRecordStrategy.MAX_ITEMS_PER_APPEND;

    private final BenchmarkSettings settings;
    private final Measurement measurement;
    private final AtomicLong sink = new AtomicLong();

    CassandraBenchmark(BenchmarkSettings settings, Measurement measurement) {
        this.settings = settings;
        this.measurement = measurement;
    }

    /** Runs and prints the section; {@code postgres} holds the library's PostgreSQL figures, or nothing. */
    void run(Map<String, Stats> postgres) {
        long sectionStart = System.nanoTime();
        int w4Events = settings.cassandraW4Events();
        System.out.printf("%n## Apache Cassandra%n%n");
        System.out.printf(Locale.ROOT, "The library only. Every append is a lightweight transaction (a Paxos round)"
                        + " per partition; an account's events are one partition. Seeds: W4 reads %s events seeded as"
                        + " %d accounts of %d events (one append each); W3 loads a %s-event account seeded in %d"
                        + " appends of %d.%n", Stats.count(w4Events), w4Events / ACCOUNT_EVENTS, ACCOUNT_EVENTS,
                Stats.count(RelationalBenchmark.W3_EVENTS), RelationalBenchmark.W3_EVENTS / ACCOUNT_EVENTS,
                ACCOUNT_EVENTS);
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
            Progress.report("Cassandra, " + column + ": starting");
            try (CassandraDeployment deployment = CassandraDeployment.start(nodes, nodes,
                    CassandraConsistency.DEFAULT, directory.resolve(nodes + "-nodes"))) {
                String loadBefore = Machine.loadAverage();
                figures.add(figures(deployment.newWorkloads("sequenced_items"), column));
                System.out.println();
                deployment.settings().forEach((name, value) -> System.out.println("- " + name + ": " + value));
                System.out.println("- Load average: " + loadBefore + " before, " + Machine.loadAverage() + " after");
            } catch (RuntimeException e) {
                figures.add(Map.of());
                System.out.println("Failed, no figures: " + e);
                e.printStackTrace();
            }
        }
        printTable(columns, figures, postgres);
        System.out.printf(Locale.ROOT, "%nNode logs under %s. The Cassandra section took %.0f s.%n", directory,
                (System.nanoTime() - sectionStart) / 1e9);
    }

    /** W1 to W4 of the library on one deployment, by workload (W1, W2, W3, W3/s, W4). */
    private Map<String, Stats> figures(LibraryWorkloads library, String column) {
        Verification.check(library);
        int w4Events = settings.cassandraW4Events();
        SEEDING.accounts(library, w4Events / ACCOUNT_EVENTS, ACCOUNT_EVENTS);
        Map<String, Stats> figures = new LinkedHashMap<>();
        AtomicLong w1Events = new AtomicLong();
        AtomicLong w2Events = new AtomicLong();
        if (settings.runs("W1")) {
            Progress.report("Cassandra, " + column + ": W1");
            figures.put("W1", measure(Subject.onNewAccounts(account -> {
                library.appendOne(account);
                w1Events.incrementAndGet();
            }, 1)));
        }
        if (settings.runs("W2")) {
            Progress.report("Cassandra, " + column + ": W2");
            figures.put("W2", measure(Subject.onNewAccounts(account -> {
                library.appendTen(account);
                w2Events.addAndGet(RelationalBenchmark.W2_EVENTS);
            }, RelationalBenchmark.W2_EVENTS)));
        }
        if (settings.runs("W3")) {
            Progress.report("Cassandra, " + column + ": W3");
            UUID account = SEEDING.accounts(library, 1, RelationalBenchmark.W3_EVENTS).get(0);
            Stats w3 = measure(Subject.latency(() -> library.load(account)));
            figures.put("W3", w3);
            figures.put("W3/s", w3.toRate(RelationalBenchmark.W3_EVENTS));
        }
        if (settings.runs("W4")) {
            Progress.report("Cassandra, " + column + ": W4");
            figures.put("W4", measure(Subject.inOneThread(thread -> {
                sink.addAndGet(library.readAll(w4Events, RelationalBenchmark.PAGE_SIZE));
                return w4Events;
            })));
        }
        System.out.printf(Locale.ROOT, "W1 appended %,d events and W2 %,d in all (warm-up included).%n",
                w1Events.get(), w2Events.get());
        return figures;
    }

    private Stats measure(Subject subject) {
        return measurement.compare(List.of(subject)).get(0);
    }

    private void printTable(List<String> columns, List<Map<String, Stats>> figures, Map<String, Stats> postgres) {
        boolean withPostgres = !postgres.isEmpty();
        System.out.println();
        System.out.println("| Cassandra workload (library) | " + String.join(" | ", columns)
                + (withPostgres ? " | PostgreSQL (library) |" : " |"));
        System.out.println("|---|" + "---:|".repeat(columns.size() + (withPostgres ? 1 : 0)));
        String w3 = "W3 rebuild a " + Stats.count(RelationalBenchmark.W3_EVENTS) + "-event account";
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("W1", "W1 append, 1 event per append, " + settings.threads() + " threads (events/s)");
        labels.put("W2", "W2 append, " + RelationalBenchmark.W2_EVENTS + " events per append (aggregate save), "
                + settings.threads() + " threads (events/s)");
        labels.put("W3", w3 + " (ms)");
        labels.put("W3/s", w3 + " (events/s)");
        labels.put("W4", "W4 read the first " + Stats.count(settings.cassandraW4Events()) + " events in storage order, "
                + Stats.count(RelationalBenchmark.PAGE_SIZE) + " per page (events/s)");
        labels.forEach((key, label) -> {
            if (figures.stream().anyMatch(deployment -> deployment.containsKey(key))) {
                StringBuilder line = new StringBuilder("| " + label + " | ");
                figures.forEach(deployment -> line.append(cell(deployment.get(key))).append(" | "));
                if (withPostgres) {
                    line.append(cell(postgres.get(key))).append(" |");
                }
                System.out.println(line.toString().strip());
            }
        });
        if (withPostgres) {
            System.out.printf("%nPostgreSQL (library): the plain library's figures of the PostgreSQL section above"
                    + " (durable, one server; W4 read the first %s events there).%n", Stats.count(settings.w4Events()));
        } else {
            System.out.printf("%nNo PostgreSQL figures beside these: run with"
                    + " -Dbenchmarks.databases=postgresql,cassandra for them.%n");
        }
    }

    private static String cell(@Nullable Stats stats) {
        return stats == null ? "—" : stats.format();
    }
}
