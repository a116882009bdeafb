package io.eventsourcing.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Compares what the crash test's writers were told with what the database holds after the kills, and counts:
 * <ul>
 * <li><b>lost</b> writes: acknowledged, yet the entity is stored short of the write's version or, for an example,
 * with another foo at it;</li>
 * <li><b>partial</b> entities: stored part of the way through one request's events, at a version that no request
 * sent to it ends at;</li>
 * <li><b>duplicated</b> events: stored but accounted for by no write, because they lie beyond the last write sent
 * to their entity, or in a sequence that no unanswered create explains;</li>
 * <li><b>gapped</b> sequences: their positions are not exactly 0 to n-1.</li>
 * </ul>
 */
final class CrashAudit {

    private CrashAudit() {
    }

    /** The audit's figures, as the class comment defines them. */
    record Findings(long acknowledged, long lost, long partial, long duplicated, long gapped) {

        @Override
        public String toString() {
            return acknowledged + " acknowledged writes, " + lost + " lost, " + partial + " partial, " + duplicated
                    + " duplicated, " + gapped + " sequences with gaps";
        }
    }

    static Findings audit(List<WriterLog> logs, Map<UUID, List<StoredRow>> stored) {
        Map<UUID, List<Write>> acknowledged = logs.stream().flatMap(log -> log.acknowledged().stream())
                .collect(Collectors.groupingBy(Write::entityId));
        Map<Boolean, List<Write>> unanswered = logs.stream().map(WriterLog::unanswered)
                .collect(Collectors.partitioningBy(write -> write.entityId() == null));
        Map<UUID, Write> unansweredChanges = unanswered.get(false).stream()
                .collect(Collectors.toMap(Write::entityId, write -> write));
        long lost = 0;
        long partial = 0;
        long duplicated = unexplainedEvents(stored, acknowledged.keySet(), unanswered.get(true));
        for (Map.Entry<UUID, List<Write>> entity : acknowledged.entrySet()) {
            List<StoredRow> rows = stored.getOrDefault(entity.getKey(), List.of());
            lost += entity.getValue().stream().filter(write -> !isStored(write, rows)).count();
            List<Write> sent = new ArrayList<>(entity.getValue());
            if (unansweredChanges.containsKey(entity.getKey())) {
                sent.add(unansweredChanges.get(entity.getKey()));
            }
            long lastSent = sent.get(sent.size() - 1).version();
            if (rows.size() > lastSent) {
                duplicated += rows.size() - lastSent;
            } else if (!rows.isEmpty() && sent.stream().noneMatch(write -> write.version() == rows.size())) {
                partial++;
            }
        }
        long gapped = stored.values().stream().filter(rows -> !isContiguous(rows)).count();
        return new Findings(acknowledged.values().stream().mapToLong(List::size).sum(), lost, partial, duplicated,
                gapped);
    }

    private static boolean isStored(Write write, List<StoredRow> rows) {
        return rows.stream()
                .anyMatch(row -> row.position() == write.version() - 1 && Objects.equals(row.foo(), write.foo()));
    }

    /**
     * The events of the sequences the writers were never told of, less the one event of each create that got no
     * answer: an example's, matched by its foo, or an aggregate's, which has none.
     */
    private static long unexplainedEvents(Map<UUID, List<StoredRow>> stored, Set<UUID> known,
            List<Write> unansweredCreates) {
        List<String> unclaimedFoos = unansweredCreates.stream().map(Write::foo)
                .collect(Collectors.toCollection(ArrayList::new));
        long unexplained = 0;
        for (Map.Entry<UUID, List<StoredRow>> sequence : stored.entrySet()) {
            List<StoredRow> rows = sequence.getValue();
            boolean explained = known.contains(sequence.getKey())
                    || rows.size() == 1 && unclaimedFoos.remove(rows.get(0).foo());
            if (!explained) {
                unexplained += rows.size();
            }
        }
        return unexplained;
    }

    private static boolean isContiguous(List<StoredRow> rows) {
        return IntStream.range(0, rows.size()).allMatch(index -> rows.get(index).position() == index);
    }
}
