package io.eventsourcing.benchmarks;

import java.util.UUID;

/** Runs each workload of a side once and checks what it stored and read, so that no figure comes from a broken side. */
final class Verification {

    private static final int PAGE_SIZE = 1_000;

    private Verification() {
    }

    static void check(Workloads side) {
        UUID one = UUID.randomUUID();
        side.appendOne(one);
        expect(side.load(one), 1, "an account after appendOne");
        UUID ten = UUID.randomUUID();
        side.appendTen(ten);
        expect(side.load(ten), 10, "an account after appendTen");
        side.roundTrip(ten);
        expect(side.load(ten), 11, "an account after a round trip");
        side.readAll(10, PAGE_SIZE);
    }

    /** Checks that a side reads what another side stored: that both store the same format. */
    static void readsAlike(Workloads writer, Workloads reader) {
        UUID account = UUID.randomUUID();
        writer.appendTen(account);
        expect(reader.load(account), 10, "an account stored by the other side");
    }

    static void expect(long actual, long expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException("The version of " + what + " is " + actual + ", not " + expected);
        }
    }
}
