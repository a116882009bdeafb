package io.eventsourcing.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The settings of a run, from system properties: {@code benchmarks.databases} (postgresql,mariadb,cassandra),
 * {@code benchmarks.workloads} to run only some of them (W1,W2,W3,W3s,W4,W5,log,dcb,bytes; shredding, which runs
 * only when named), {@code benchmarks.seconds} per repetition (1.5), {@code benchmarks.warmups} (1),
 * {@code benchmarks.repetitions} (5), {@code benchmarks.threads} (4), {@code benchmarks.pool} (8),
 * {@code benchmarks.w4.events} (20000), {@code benchmarks.cassandra.w4.events} (5000) and
 * {@code benchmarks.bytes.events} (100000).
 *
 * @param databases the databases, in the order they run: Cassandra last, so that its table shows PostgreSQL's
 *        figures beside its own
 */
record BenchmarkSettings(List<String> databases, Set<String> workloads, Duration duration, int warmUps,
                         int repetitions, int threads, int poolSize, int w4Events, int cassandraW4Events,
                         int bytesEvents) {

    static final String CASSANDRA = "cassandra";
    static final String DEFAULT_DATABASES = "postgresql,mariadb," + CASSANDRA;

    static BenchmarkSettings fromSystemProperties() {
        List<String> databases = List.of(System.getProperty("benchmarks.databases", DEFAULT_DATABASES).split(","))
                .stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        databases.stream().filter(name -> !name.equals(CASSANDRA)).forEach(BenchmarkSettings::relational);
        return new BenchmarkSettings(databases,
                Set.of(System.getProperty("benchmarks.workloads", "W1,W2,W3,W3s,W4,W5,log,dcb,bytes").split(",")),
                Duration.ofMillis(Math.round(Double.parseDouble(System.getProperty("benchmarks.seconds", "1.5"))
                        * 1000)),
                Integer.getInteger("benchmarks.warmups", 1),
                Integer.getInteger("benchmarks.repetitions", 5),
                Integer.getInteger("benchmarks.threads", 4),
                Integer.getInteger("benchmarks.pool", 8),
                Integer.getInteger("benchmarks.w4.events", 20_000),
                Integer.getInteger("benchmarks.cassandra.w4.events", 5_000),
                Integer.getInteger("benchmarks.bytes.events", 100_000));
    }

    /** The relational database of a name in {@code benchmarks.databases}; fails early on a typo. */
    static BenchmarkDatabase relational(String name) {
        return BenchmarkDatabase.valueOf(name.toUpperCase(Locale.ROOT));
    }

    boolean runs(String workload) {
        return workloads.contains(workload);
    }
}
