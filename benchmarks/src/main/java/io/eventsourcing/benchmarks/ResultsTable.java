package io.eventsourcing.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Prints a database's results as a Markdown table, and how noisy its repetitions were. */
final class ResultsTable {

    private ResultsTable() {
    }

    /** The main rows, then the rows of the settings' costs. */
    static void print(BenchmarkDatabase database, List<Row> rows, List<Row> costs) {
        List<Row> all = new ArrayList<>(rows);
        all.addAll(costs);
        System.out.println();
        System.out.println("| " + database.displayName() + Row.HEADER);
        System.out.println(Row.ALIGNMENT);
        all.forEach(row -> System.out.println(row.markdown()));
        if (all.isEmpty()) {
            return;
        }
        double[] spreads = all.stream().mapToDouble(row -> row.subject().spread()).toArray();
        Row noisiest = all.stream().max(Comparator.comparingDouble(row -> row.subject().spread())).orElseThrow();
        System.out.printf(Locale.ROOT, "%nNoise: over the rows, the measured side's repetitions ranged ±%.0f%% of"
                        + " their median (median of the rows), ±%.0f%% at most (%s).%n",
                Stats.of(spreads).median() * 50, noisiest.subject().spread() * 50, noisiest.workload());
    }
}
