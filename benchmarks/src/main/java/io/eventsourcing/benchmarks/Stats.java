package io.eventsourcing.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/**
 * The figures of the repetitions of one measurement: their median, and their smallest and largest value, whose
 * distance from each other, as a share of the median, says how noisy the repetitions were.
 */
record Stats(double median, double min, double max) {

    static Stats of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Stats(median, sorted[0], sorted[n - 1]);
    }

    /** The rate of {@code units} per call, in units per second, of these milliseconds per call. */
    Stats toRate(int units) {
        return new Stats(units * 1000 / median, units * 1000 / max, units * 1000 / min);
    }

    /** (max - min) / median. */
    double spread() {
        return (max - min) / median;
    }

    /** "1,234 (1,180–1,260, ±4%)": the median, the range and half its width as a share of the median. */
    String format() {
        return number(median) + " (" + number(min) + "–" + number(max) + ", ±"
                + String.format(Locale.ROOT, "%.0f%%", spread() * 50) + ")";
    }

    /** A count with thousands separators: "20,000". */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
