package io.eventsourcing.benchmarks;

import java.util.Locale;

/**
 * A figure of the subject of a row compared with another's: the other's figures and the ratio, either the
 * subject's speed over the other's (higher is better) or its cost over the other's (lower is better).
 *
 * @param other the other's figures
 * @param label a word before them, or empty
 * @param ratio the ratio
 * @param unit what follows the ratio: empty for a speed ratio, "× cost" for a cost ratio
 */
record Comparison(Stats other, String label, double ratio, String unit) {

    /** The subject's speed over the other's; {@code higherIsBetter} for rates, not for latencies. */
    static Comparison speed(Stats subject, Stats other, boolean higherIsBetter) {
        return new Comparison(other, "", higherIsBetter ? subject.median() / other.median()
                : other.median() / subject.median(), "");
    }

    /** The subject's cost over the other's, whose figures are labelled {@code label}. */
    static Comparison cost(Stats subject, Stats other, boolean higherIsBetter, String label) {
        return new Comparison(other, label, higherIsBetter ? other.median() / subject.median()
                : subject.median() / other.median(), "× cost");
    }

    String figures() {
        return label + other.format();
    }

    String formattedRatio() {
        return String.format(Locale.ROOT, "%.2f", ratio) + unit;
    }
}
