package io.eventsourcing.benchmarks;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One line of a results table: a workload, the library's figure and the one it is compared with, their ratio (as
 * the library's speed over the other's, or for encryption as its cost over the plain cost), and the target.
 *
 * @param workload what was measured, with its unit
 * @param library the library's figures
 * @param other the baseline's figures, or those of the plain library for the encryption rows
 * @param otherLabel a word before the baseline's figures, or empty
 * @param ratio the ratio, or {@code null} where there is no baseline
 * @param ratioSuffix what the ratio is ("" for a speed ratio, " cost" for a cost ratio)
 * @param target the target, or "—"
 * @param met whether the target is met, or {@code null} where there is none
 */
record Row(String workload, Stats library, @Nullable Stats other, String otherLabel, @Nullable Double ratio,
           String ratioSuffix, String target, @Nullable Boolean met) {

    /** A speed comparison with a target "≥ minimum": rates (higher is better) or latencies (lower is better). */
    static Row speed(String workload, Stats library, Stats raw, boolean higherIsBetter, @Nullable Double minimum) {
        double ratio = higherIsBetter ? library.median() / raw.median() : raw.median() / library.median();
        return new Row(workload, library, raw, "", ratio, "",
                minimum == null ? "—" : "≥ " + String.format(Locale.ROOT, "%.2f", minimum),
                minimum == null ? null : ratio >= minimum);
    }

    /** The cost of encryption: encrypted over plain, for a target "≤ maximum". */
    static Row cost(String workload, Stats encrypted, Stats plain, boolean higherIsBetter, double maximum) {
        double ratio = higherIsBetter ? plain.median() / encrypted.median() : encrypted.median() / plain.median();
        return new Row(workload, encrypted, plain, "plain: ", ratio, "× cost",
                "≤ " + String.format(Locale.ROOT, "%.2f", maximum) + "× cost", ratio <= maximum);
    }

    /** This row with another target. */
    Row withTarget(String newTarget, boolean isMet) {
        return new Row(workload, library, other, otherLabel, ratio, ratioSuffix, newTarget, isMet);
    }

    String markdown() {
        return "| " + workload + " | " + library.format() + " | "
                + (other == null ? "—" : otherLabel + other.format()) + " | "
                + (ratio == null ? "—" : String.format(Locale.ROOT, "%.2f", ratio) + ratioSuffix) + " | "
                + target + " | " + (met == null ? "—" : met ? "yes" : "**no**") + " |";
    }
}
