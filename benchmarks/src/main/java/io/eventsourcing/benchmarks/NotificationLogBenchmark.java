package io.eventsourcing.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.eventsourcing.benchmarks.Measurement.Subject;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.StoredItem;
import io.eventsourcing.infrastructure.jdbc.JdbcActiveRecordStrategy;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * What the notification log costs on one database. Appends (W1, W2) with the log, while a reader follows it as a
 * live projection does, against the same appends without it: no reader, and on PostgreSQL ids taken by a plain
 * {@code nextval} instead of the log's {@code <table>_next_id()}. Then reading the log, a page at a time, against a
 * plain scan by id written by hand, over a table with a hole every 100 ids (ids that rolled-back appends took).
 */
final class NotificationLogBenchmark {

    private static final double APPEND_MINIMUM = 0.85;
    private static final double READ_MINIMUM = 0.70;
    private static final int HOLE_EVERY = 100;

    private final BenchmarkDatabase database;
    private final BenchmarkSettings settings;
    private final Measurement measurement;

    NotificationLogBenchmark(BenchmarkDatabase database, BenchmarkSettings settings, Measurement measurement) {
        this.database = database;
        this.settings = settings;
        this.measurement = measurement;
    }

    void run() {
        Progress.report(database.displayName() + ": notification log");
        try (HikariDataSource withData = database.newDatabase(settings.poolSize());
                HikariDataSource withoutData = database.newDatabase(settings.poolSize())) {
            LibraryWorkloads with = LibraryWorkloads.onJdbc(withData, LibraryVariant.PLAIN);
            LibraryWorkloads without = LibraryWorkloads.onJdbc(withoutData, LibraryVariant.PLAIN);
            ActiveRecordStrategy log = new JdbcActiveRecordStrategy(withData, SequencedItemTable.SEQUENCED_ITEMS);
            if (database == BenchmarkDatabase.POSTGRESQL) {
                execute(withoutData, "ALTER TABLE sequenced_items ALTER COLUMN id SET DEFAULT"
                        + " nextval('sequenced_items_id_seq')");
            }
            System.out.printf("%n| %s: notification log | with the log | without | ratio | target | met? |%n",
                    database.displayName());
            System.out.println("|---|---:|---:|---:|---|---|");
            List<Stats> w1 = measurement.compare(List.of(followed(log, with::appendOne, 1),
                    Subject.onNewAccounts(without::appendOne, 1)));
            print("W1 append, 1 event per transaction, " + settings.threads() + " threads, a reader following"
                    + " (events/s)", w1, APPEND_MINIMUM);
            List<Stats> w2 = measurement.compare(List.of(followed(log, with::appendTen, RelationalBenchmark.W2_EVENTS),
                    Subject.onNewAccounts(without::appendTen, RelationalBenchmark.W2_EVENTS)));
            print("W2 append, " + RelationalBenchmark.W2_EVENTS + " events per transaction, " + settings.threads()
                    + " threads, a reader following (events/s)", w2, APPEND_MINIMUM);

            int events = settings.w4Events();
            with.store(List.of(UUID.randomUUID()), 0, events + events / HOLE_EVERY + 1);
            execute(withData, "DELETE FROM sequenced_items WHERE MOD(id, " + HOLE_EVERY + ") = 0");
            List<Stats> read = measurement.compare(List.of(
                    Subject.inOneThread(thread -> readLog(log, events)),
                    Subject.inOneThread(thread -> scan(withData, events))));
            print("Read " + Stats.count(events) + " events, " + Stats.count(RelationalBenchmark.PAGE_SIZE)
                    + " per page, a hole every " + HOLE_EVERY + " ids: the log against a plain scan by id (events/s)",
                    read, READ_MINIMUM);
        }
    }

    /**
     * Appends by all threads while one more reads the log from where it is, as a live projection does: at once
     * after a page, 5 ms later after an empty one.
     */
    private static Subject followed(ActiveRecordStrategy log, Consumer<UUID> append, int units) {
        Subject appends = Subject.onNewAccounts(append, units);
        return measurement -> {
            AtomicBoolean done = new AtomicBoolean();
            long start = log.getLastStoredItem().map(StoredItem::storagePosition).orElse(0L);
            Thread reader = new Thread(() -> {
                long position = start;
                while (!done.get()) {
                    List<StoredItem> page = log.getStoredItems(position, RelationalBenchmark.PAGE_SIZE);
                    if (page.isEmpty()) {
                        LockSupport.parkNanos(5_000_000); // a projection's first pause when the log has nothing new
                    } else {
                        position = page.get(page.size() - 1).storagePosition();
                    }
                }
            }, "log-follower");
            reader.start();
            try {
                return appends.measure(measurement);
            } finally {
                done.set(true);
                join(reader);
            }
        };
    }

    private static long readLog(ActiveRecordStrategy log, int events) {
        long position = 0;
        long read = 0;
        while (read < events) {
            List<StoredItem> page = log.getStoredItems(position, RelationalBenchmark.PAGE_SIZE);
            position = page.get(page.size() - 1).storagePosition();
            read += page.size();
        }
        return read;
    }

    /** What a user writes by hand: the rows in id order, a page at a time, bytes and all. */
    private static long scan(HikariDataSource dataSource, int events) throws SQLException {
        long position = 0;
        long read = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement page = connection.prepareStatement(
                "SELECT sequence_id, position, topic, data, id FROM sequenced_items WHERE id > ? ORDER BY id LIMIT ?")) {
            while (read < events) {
                page.setLong(1, position);
                page.setInt(2, RelationalBenchmark.PAGE_SIZE);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(1);
                        rows.getLong(2);
                        rows.getInt(3);
                        rows.getBytes(4);
                        position = rows.getLong(5);
                        read++;
                    }
                }
            }
        }
        return read;
    }

    private void print(String workload, List<Stats> figures, double minimum) {
        Comparison comparison = Comparison.speed(figures.get(0), figures.get(1), true);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | ≥ %.2f | %s |%n", workload, figures.get(0).format(),
                figures.get(1).format(), comparison.formattedRatio(), minimum,
                comparison.ratio() >= minimum ? "yes" : "**no**");
    }

    private static void execute(HikariDataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run " + sql, e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
