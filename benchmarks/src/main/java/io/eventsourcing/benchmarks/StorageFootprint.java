package io.eventsourcing.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.eventsourcing.benchmarks.BenchmarkDatabase.TableSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Bytes per event of each way of storing the accounts: the baseline's table, and the library's with each of its
 * variants, each in a new database, loaded with the same number of accounts of 10 events in the same transactions,
 * and measured, indexes included, once the database has settled.
 */
final class StorageFootprint {

    private static final int EVENTS_PER_ACCOUNT = 10;
    private static final double MAX_RATIO = 1.15;

    /** The size of one side's tables. */
    record Entry(String label, String table, int events, TableSize size) {

        double perEvent() {
            return (double) size.total() / events;
        }
    }

    private StorageFootprint() {
    }

    /** The baseline's table first, then the library's with each variant. */
    static List<Entry> measure(BenchmarkDatabase database, BenchmarkSettings settings, Seeding seeding) {
        int accounts = settings.bytesEvents() / EVENTS_PER_ACCOUNT;
        List<Entry> entries = new ArrayList<>();
        entries.add(measure(database, settings, seeding, accounts, "baseline", List.of("account_events"),
                data -> HandWrittenWorkloads.baseline(data, database.uuidColumn())));
        for (LibraryVariant variant : LibraryVariant.values()) {
            entries.add(measure(database, settings, seeding, accounts, variant.label(),
                    List.of("sequenced_items", "sequenced_items_topics"), data -> LibraryWorkloads.onJdbc(data, variant)));
        }
        return entries;
    }

    private static Entry measure(BenchmarkDatabase database, BenchmarkSettings settings, Seeding seeding,
                                 int accounts, String label, List<String> tables,
                                 Function<HikariDataSource, Workloads> side) {
        try (HikariDataSource data = database.newDatabase(settings.poolSize())) {
            seeding.accounts(side.apply(data), accounts, EVENTS_PER_ACCOUNT);
            return new Entry(label, String.join("` and `", tables), accounts * EVENTS_PER_ACCOUNT, tables.stream()
                    .map(table -> database.settledSize(data, table)).reduce(TableSize::plus).orElseThrow());
        }
    }

    static void print(BenchmarkDatabase database, List<Entry> entries) {
        Entry baseline = entries.get(0);
        System.out.printf("%n| %s, %s events in accounts of %d | table | indexes | bytes per event | ÷ baseline"
                        + " | target | met? |%n", database.displayName(), Stats.count(baseline.events()),
                EVENTS_PER_ACCOUNT);
        System.out.println("|---|---:|---:|---:|---:|---|---|");
        for (Entry entry : entries) {
            double ratio = entry.perEvent() / baseline.perEvent();
            boolean targeted = entry.label().equals(LibraryVariant.PLAIN.label());
            System.out.printf(Locale.ROOT, "| %s (`%s`) | %s | %s | %.0f | %.2f | %s | %s |%n", entry.label(),
                    entry.table(), mebibytes(entry.size().table()), mebibytes(entry.size().indexes()),
                    entry.perEvent(), ratio, targeted ? String.format(Locale.ROOT, "≤ %.2f", MAX_RATIO) : "—",
                    targeted ? (ratio <= MAX_RATIO ? "yes" : "**no**") : "—");
        }
        System.out.printf("%nMeasured: %s.%n", database.sizeMeasurement(baseline.events()));
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / 1048576.0);
    }
}
