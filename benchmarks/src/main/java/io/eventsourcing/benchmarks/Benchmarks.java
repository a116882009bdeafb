package io.eventsourcing.benchmarks;

import io.eventsourcing.infrastructure.SequencedItem;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the library against a baseline written by hand without it, on embedded PostgreSQL and MariaDB, then the
 * library alone on real Cassandra nodes, and prints the report as Markdown. Settings are system properties
 * ({@link BenchmarkSettings}); run with {@code java -jar benchmarks/target/benchmarks.jar}.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        long start = System.nanoTime();
        try (Measurement measurement = new Measurement(settings)) {
            printRun(settings);
            Map<String, Stats> postgresLibrary = Map.of();
            for (String database : settings.databases()) {
                if (database.equals(BenchmarkSettings.CASSANDRA)) {
                    new CassandraBenchmark(settings, measurement).run(postgresLibrary);
                } else {
                    BenchmarkDatabase relational = BenchmarkSettings.relational(database);
                    Map<String, Stats> library = new RelationalBenchmark(relational, settings, measurement).run();
                    if (relational == BenchmarkDatabase.POSTGRESQL) {
                        postgresLibrary = library;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nTotal time: %.0f s; load average at the end %s%n",
                (System.nanoTime() - start) / 1e9, Machine.loadAverage());
        System.exit(0); // the embedded servers' shutdown hooks stop them
    }

    private static void printRun(BenchmarkSettings settings) {
        System.out.println("# Event sourcing benchmarks");
        System.out.println();
        System.out.println("- Machine: " + Machine.describe() + "; load average at start "
                + Machine.loadAverage());
        System.out.println("- JVM: " + Machine.describeJvm());
        System.out.printf(Locale.ROOT, "- Runs: %d warm-up and %d measured repetitions of %.1f s per workload and"
                        + " side, in turns; figures are medians (min–max, ±half the range as a share of the median)%n",
                settings.warmUps(), settings.repetitions(), settings.duration().toMillis() / 1000.0);
        printPayload();
        System.out.printf("- Threads: %d for W1, W2 and W5; 1 for W3, W3s and W4. HikariCP pool: %d connections%n",
                settings.threads(), settings.poolSize());
        System.out.printf("- Sides: the library (its defaults: class-name topics, no compression, no encryption);"
                + " the baseline, hand-written JDBC on account_events(id, account_id, version, payload); the"
                + " library's format by hand, the same code on the library's table and format%n");
        System.out.println("- Ratio: library speed ÷ the other side's (higher is better); for the encryption and"
                + " compression rows, the cost per event with the setting ÷ the plain library's (lower is better)");
        if (!settings.databases().contains(BenchmarkSettings.CASSANDRA)) {
            System.out.println("- Cassandra: left out of this run; it is in the default run (-Dbenchmarks.databases="
                    + BenchmarkSettings.DEFAULT_DATABASES + ": one node, then three, about 2.5 minutes more)");
        }
    }

    /** What one deposit takes on each side: the baseline's JSON, and the library's topic and data. */
    private static void printPayload() {
        String baseline = JsonMapper.builder().build().writeValueAsString(Payload.DEPOSIT);
        StringBuilder library = new StringBuilder();
        for (LibraryVariant variant : LibraryVariant.values()) {
            SequencedItem item = variant.sampleDeposit();
            library.append(String.format(Locale.ROOT, "; %s: %d bytes of data, a topic of %d characters (stored as its"
                    + " 4-byte number)",
                    variant.label(), item.data().length, item.topic().length()));
        }
        System.out.printf("- Payload of a deposit: baseline %d bytes of JSON (amount and a %d-character note)%s%n",
                baseline.getBytes(StandardCharsets.UTF_8).length, Payload.NOTE.length(), library);
    }
}
