package io.eventsourcing.benchmarks;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One line of a database's results table: a workload, the subject's figures (the library's, or the library's with
 * encryption or compression), what they are compared with and the target of that ratio, and, for the main rows,
 * the comparison with the same work written by hand in the library's format.
 *
 * @param workload what was measured, with its unit
 * @param subject the figures measured
 * @param compared the comparison the target applies to: with the baseline, or with the plain library
 * @param target the target, or "—"
 * @param met whether the target is met, or {@code null} where there is none
 * @param byHand the comparison with the library's format written by hand, or {@code null}
 */
record Row(String workload, Stats subject, Comparison compared, String target, @Nullable Boolean met,
           @Nullable Comparison byHand) {

    static final String HEADER = " workload | library | baseline | ratio | target | met? | library's format by hand"
            + " | ratio |";
    static final String ALIGNMENT = "|---|---:|---:|---:|---|---|---:|---:|";

    /** The library against the baseline (and its format by hand), with a target "≥ minimum" if given. */
    static Row speed(String workload, Stats library, Stats baseline, @Nullable Stats byHand, boolean higherIsBetter,
                     @Nullable Double minimum) {
        Comparison compared = Comparison.speed(library, baseline, higherIsBetter);
        return new Row(workload, library, compared,
                minimum == null ? "—" : "≥ " + String.format(Locale.ROOT, "%.2f", minimum),
                minimum == null ? null : compared.ratio() >= minimum,
                byHand == null ? null : Comparison.speed(library, byHand, higherIsBetter));
    }

    /** A setting's cost: the library with it over the plain library, with a target "≤ maximum" if given. */
    static Row cost(String workload, Stats withSetting, Stats plain, boolean higherIsBetter,
                    @Nullable Double maximum) {
        Comparison compared = Comparison.cost(withSetting, plain, higherIsBetter, "plain: ");
        return new Row(workload, withSetting, compared,
                maximum == null ? "—" : "≤ " + String.format(Locale.ROOT, "%.2f", maximum) + "× cost",
                maximum == null ? null : compared.ratio() <= maximum, null);
    }

    /** This row with another target. */
    Row withTarget(String newTarget, boolean isMet) {
        return new Row(workload, subject, compared, newTarget, isMet, byHand);
    }

    String markdown() {
        return "| " + workload + " | " + subject.format() + " | " + compared.figures() + " | "
                + compared.formattedRatio() + " | " + target + " | " + (met == null ? "—" : met ? "yes" : "**no**")
                + " | " + (byHand == null ? "— | —" : byHand.figures() + " | " + byHand.formattedRatio()) + " |";
    }
}
