package io.eventsourcing.benchmarks;

import io.eventsourcing.benchmarks.Measurement.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * W3s: an account rebuilt from a snapshot and the few events after it, for histories of several lengths, by the
 * library and by the baseline; every length on both sides measured in turns, so that they meet the same
 * conditions. Its target: the longest history takes at most 1.5 times as long as the shortest.
 */
final class SnapshotRows {

    private static final int[] HISTORIES = {10, 1_000, 10_000};
    private static final int AFTER_SNAPSHOT = 5;
    private static final double MAX_GROWTH = 1.5;

    private final Measurement measurement;
    private final Seeding seeding;

    SnapshotRows(Measurement measurement, Seeding seeding) {
        this.measurement = measurement;
        this.seeding = seeding;
    }

    List<Row> measure(Workloads library, Workloads baseline) {
        List<Subject> subjects = new ArrayList<>();
        for (int events : HISTORIES) {
            UUID libraryAccount = seeding.accountWithSnapshot(library, events, AFTER_SNAPSHOT);
            UUID baselineAccount = seeding.accountWithSnapshot(baseline, events, AFTER_SNAPSHOT);
            subjects.add(Subject.latency(() -> library.loadFromSnapshot(libraryAccount)));
            subjects.add(Subject.latency(() -> baseline.loadFromSnapshot(baselineAccount)));
        }
        List<Stats> stats = measurement.compare(subjects);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < HISTORIES.length; i++) {
            rows.add(Row.speed("W3s rebuild from a snapshot + " + AFTER_SNAPSHOT + " events, history of "
                    + Stats.count(HISTORIES[i]) + " (ms)", stats.get(2 * i), stats.get(2 * i + 1), null, false,
                    null));
        }
        int longest = HISTORIES.length - 1;
        double growth = stats.get(2 * longest).median() / stats.get(0).median();
        rows.set(longest, rows.get(longest).withTarget(String.format(Locale.ROOT, "≤ %.2f× the %s-event time: %.2f×",
                MAX_GROWTH, Stats.count(HISTORIES[0]), growth), growth <= MAX_GROWTH));
        return rows;
    }
}
