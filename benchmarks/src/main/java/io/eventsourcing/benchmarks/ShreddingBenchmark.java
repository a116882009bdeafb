package io.eventsourcing.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import io.eventsourcing.benchmarks.Measurement.Subject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What crypto-shredding costs on one database: the accounts' personal data (their owner and notes) encrypted under
 * each account's own key, wrapped under the master key in a table beside the events, against storing it plain and
 * against encrypting every event under the master key. Measured: new accounts saved by all threads, one event per
 * transaction (W1's event, through the repository), and rebuilds of {@value #EVENTS}-event accounts picked at random
 * among {@value #ACCOUNTS}. The keys' cache either holds every account's key, or one, so that each rebuild unwraps
 * its account's key from the table. Each side has a database of its own; the sides are measured in turns.
 */
final class ShreddingBenchmark {

    private static final int ACCOUNTS = 1_000;
    private static final int EVENTS = 100;
    private static final int PLAIN = 0;
    private static final int MASTER_KEY = 1;
    private static final Seeding SEEDING = new Seeding(1_000);

    /** A way of storing the personal data, on a database of its own. */
    private record Side(String label, LibraryWorkloads workloads) {
    }

    private final BenchmarkDatabase database;
    private final BenchmarkSettings settings;
    private final Measurement measurement;

    ShreddingBenchmark(BenchmarkDatabase database, BenchmarkSettings settings, Measurement measurement) {
        this.database = database;
        this.settings = settings;
        this.measurement = measurement;
    }

    void run() {
        Progress.report(database.displayName() + ": crypto-shredding");
        try (HikariDataSource plainData = database.newDatabase(settings.poolSize());
                HikariDataSource masterKeyData = database.newDatabase(settings.poolSize());
                HikariDataSource subjectKeysData = database.newDatabase(settings.poolSize());
                HikariDataSource coldCacheData = database.newDatabase(settings.poolSize())) {
            List<Side> sides = List.of(new Side("plain", LibraryWorkloads.onJdbc(plainData, LibraryVariant.PLAIN)),
                    new Side("single master key, every event encrypted",
                            LibraryWorkloads.onJdbc(masterKeyData, LibraryVariant.ENCRYPTED)),
                    new Side("per-subject keys, personal fields encrypted, cache of " + Stats.count(ACCOUNTS)
                            + " keys", LibraryWorkloads.withSubjectKeys(subjectKeysData, ACCOUNTS)),
                    new Side("per-subject keys, cold cache (1 key)",
                            LibraryWorkloads.withSubjectKeys(coldCacheData, 1)));
            String loadBefore = Machine.loadAverage();
            sides.forEach(side -> Verification.check(side.workloads()));
            List<Stats> appends = measurement.compare(sides.stream()
                    .map(side -> Subject.onNewAccounts(side.workloads()::openAccount, 1)).toList());
            // Seeded after the appends, so that the large cache holds the keys of the accounts rebuilt.
            Progress.report(database.displayName() + ": crypto-shredding, seeding");
            List<Stats> rebuilds = measurement.compare(sides.stream().map(ShreddingBenchmark::rebuilds).toList());
            print(sides, appends, rebuilds, loadBefore, Machine.loadAverage());
        }
    }

    /** Rebuilds of accounts that the side seeds now, picked at random. */
    private static Subject rebuilds(Side side) {
        List<UUID> accounts = SEEDING.accounts(side.workloads(), ACCOUNTS, EVENTS);
        return Subject.latency(() -> Verification.expect(side.workloads().load(
                accounts.get(ThreadLocalRandom.current().nextInt(ACCOUNTS))), EVENTS, "a seeded account"));
    }

    private void print(List<Side> sides, List<Stats> appends, List<Stats> rebuilds, String loadBefore,
                       String loadAfter) {
        System.out.printf("%n| %s: crypto-shredding | append, 1 event per transaction, %d threads (events/s)"
                        + " | ÷ plain | ÷ single key | rebuild a %d-event account, random ids (ms) | ÷ plain"
                        + " | ÷ single key |%n", database.displayName(), settings.threads(), EVENTS);
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < sides.size(); i++) {
            System.out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", sides.get(i).label(),
                    appends.get(i).format(), cost(appends, i, PLAIN, true), cost(appends, i, MASTER_KEY, true),
                    rebuilds.get(i).format(), cost(rebuilds, i, PLAIN, false), cost(rebuilds, i, MASTER_KEY, false));
        }
        System.out.printf(Locale.ROOT, "%nRatios: the cost per event or rebuild ÷ the other side's (lower is better)."
                + " Personal data: the owner and the notes; a rebuild picks among %s accounts. Load average: %s"
                + " before, %s after.%n", Stats.count(ACCOUNTS), loadBefore, loadAfter);
    }

    /** The cost of a side over another's, or "—" against itself. */
    private static String cost(List<Stats> figures, int side, int other, boolean higherIsBetter) {
        return side == other ? "—"
                : Comparison.cost(figures.get(side), figures.get(other), higherIsBetter, "").formattedRatio();
    }
}
