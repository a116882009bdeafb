package io.eventsourcing.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** Says on standard error what is being measured, so that standard output holds only the report. */
final class Progress {

    private Progress() {
    }

    static void report(String what) {
        System.err.printf(Locale.ROOT, "  %s (%.0f s)...%n", what,
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }
}
