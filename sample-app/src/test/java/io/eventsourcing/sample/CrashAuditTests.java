package io.eventsourcing.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.sample.CrashAudit.Findings;
import io.eventsourcing.sample.Write.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The crash test's audit counts each kind of damage, so that its zeros mean something. */
class CrashAuditTests {

    private static final UUID EXAMPLE = UUID.randomUUID();
    private static final UUID AGGREGATE = UUID.randomUUID();

    /**
     * An example acknowledged at versions 1 and 2, its change to version 3 unanswered; an aggregate acknowledged
     * at versions 1 and 4, its 3 more entities unanswered; an example's create unanswered.
     */
    private static final List<WriterLog> LOGS = List.of(
            new WriterLog(List.of(example(1, "a"), example(2, "b")), example(3, "c")),
            new WriterLog(List.of(aggregate(1), aggregate(4)), aggregate(7)),
            new WriterLog(List.of(), new Write(Kind.EXAMPLE, null, 1, "d")));

    @Test
    void findsNoDamageWhenEachUnansweredWriteIsStoredWholeOrNotAtAll() {
        assertThat(CrashAudit.audit(LOGS, Map.of(EXAMPLE, rows("a", "b"), AGGREGATE, rows(4))))
                .isEqualTo(new Findings(4, 0, 0, 0, 0));
        assertThat(CrashAudit.audit(LOGS, Map.of(EXAMPLE, rows("a", "b", "c"), AGGREGATE, rows(7),
                UUID.randomUUID(), rows("d")))).isEqualTo(new Findings(4, 0, 0, 0, 0));
    }

    @Test
    void countsAcknowledgedWritesThatAreMissingOrDifferent() {
        assertThat(CrashAudit.audit(LOGS, Map.of(EXAMPLE, rows("a", "x"), AGGREGATE, rows(1))))
                .isEqualTo(new Findings(4, 2, 0, 0, 0));
    }

    @Test
    void countsAnAggregateStoredPartWayThroughARequest() {
        assertThat(CrashAudit.audit(LOGS, Map.of(EXAMPLE, rows("a", "b"), AGGREGATE, rows(5))))
                .isEqualTo(new Findings(4, 0, 1, 0, 0));
    }

    @Test
    void countsEventsThatNoWriteAccountsFor() {
        assertThat(CrashAudit.audit(LOGS, Map.of(EXAMPLE, rows("a", "b", "c", "c"), AGGREGATE, rows(4),
                UUID.randomUUID(), rows("d"), UUID.randomUUID(), rows("d")))).isEqualTo(new Findings(4, 0, 0, 2, 0));
    }

    @Test
    void countsSequencesWithGaps() {
        List<StoredRow> gapped = List.of(new StoredRow(0, "a"), new StoredRow(2, "b"));
        assertThat(CrashAudit.audit(LOGS, Map.of(EXAMPLE, gapped, AGGREGATE, rows(4))))
                .isEqualTo(new Findings(4, 1, 0, 0, 1));
    }

    private static Write example(long version, String foo) {
        return new Write(Kind.EXAMPLE, EXAMPLE, version, foo);
    }

    private static Write aggregate(long version) {
        return new Write(Kind.AGGREGATE, AGGREGATE, version, null);
    }

    /** An example's rows, with these foos at positions 0 to n-1. */
    private static List<StoredRow> rows(String... foos) {
        return IntStream.range(0, foos.length).mapToObj(position -> new StoredRow(position, foos[position])).toList();
    }

    /** An aggregate's rows, at positions 0 to count-1. */
    private static List<StoredRow> rows(int count) {
        return rows(Arrays.copyOf(new String[0], count));
    }
}
