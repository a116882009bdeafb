package io.eventsourcing.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs operations for a fixed time, in one thread or several, and turns what they did into rates and latencies.
 * Several subjects of one workload are measured in turns (warm-ups first, then the counted repetitions), in a
 * rotating order, so that a change in the machine's load touches them alike.
 */
final class Measurement implements AutoCloseable {

    /** One operation; returns the number of units (events, loads, round trips) it performed. */
    @FunctionalInterface
    interface Operation {
        long run(int thread) throws Exception;
    }

    /** What is measured in one repetition: set up (not timed), then run for the duration. */
    interface Subject {
        default void setUp() {
        }

        /** Units per second (or milliseconds per unit, for latencies) of one timed run. */
        double measure(Measurement measurement);

        /** Units per second of an action on new accounts, by all threads. */
        static Subject onNewAccounts(Consumer<UUID> action, int units) {
            return m -> m.rate(thread -> {
                action.accept(UUID.randomUUID());
                return units;
            });
        }

        /** Units per second of an operation in one thread. */
        static Subject inOneThread(Operation operation) {
            return m -> m.rate(1, operation);
        }

        /** Milliseconds per call of an action, in one thread. */
        static Subject latency(Runnable action) {
            return m -> m.latency(thread -> {
                action.run();
                return 1;
            });
        }
    }

    private final Duration duration;
    private final int warmUps;
    private final int repetitions;
    private final ExecutorService executor;
    private final int threads;

    Measurement(BenchmarkSettings settings) {
        this.duration = settings.duration();
        this.warmUps = settings.warmUps();
        this.repetitions = settings.repetitions();
        this.threads = settings.threads();
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "benchmark-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Measures the subjects in turns; the stats of each, in the order given. */
    List<Stats> compare(List<? extends Subject> subjects) {
        int n = subjects.size();
        double[][] values = new double[n][repetitions];
        for (int repetition = 0; repetition < warmUps + repetitions; repetition++) {
            for (int turn = 0; turn < n; turn++) {
                int index = (turn + repetition) % n;
                Subject subject = subjects.get(index);
                subject.setUp();
                double value = subject.measure(this);
                if (repetition >= warmUps) {
                    values[index][repetition - warmUps] = value;
                }
            }
        }
        List<Stats> stats = new ArrayList<>();
        for (double[] v : values) {
            stats.add(Stats.of(v));
        }
        return stats;
    }

    /** Units per second of the operation run by all threads at once for the duration. */
    double rate(Operation operation) {
        return rate(threads, operation);
    }

    /** Units per second of the operation run by {@code count} threads at once for the duration. */
    double rate(int count, Operation operation) {
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Future<Long>> futures = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            int thread = t;
            futures.add(executor.submit(() -> {
                long units = 0;
                do {
                    units += operation.run(thread);
                } while (System.nanoTime() < deadline);
                return units;
            }));
        }
        long units = 0;
        for (Future<Long> future : futures) {
            try {
                units += future.get();
            } catch (Exception e) {
                throw new IllegalStateException("A benchmark operation failed", e);
            }
        }
        return units / ((System.nanoTime() - start) / 1e9);
    }

    /** Milliseconds per unit of the operation run by one thread for the duration. */
    double latency(Operation operation) {
        return 1000 / rate(1, operation);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
