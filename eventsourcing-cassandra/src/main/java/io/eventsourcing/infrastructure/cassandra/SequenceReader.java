package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.Row;
import io.eventsourcing.infrastructure.PositionRange;
import io.eventsourcing.infrastructure.SequencedItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the items of one sequence: the item at a position from the partition of its bucket; a range by
 * walking the sequence's buckets that the range can touch, in the range's order, one query each, until the
 * limit is reached.
 */
final class SequenceReader {

    private final CqlSession session;
    private final CassandraStatements statements;
    private final String table;

    SequenceReader(CqlSession session, CassandraStatements statements, String table) {
        this.session = session;
        this.statements = statements;
        this.table = table;
    }

    Optional<SequencedItem> getItem(UUID sequenceId, long position) {
        try {
            Row row = session.execute(statements.selectItem(sequenceId, position)).one();
            return Optional.ofNullable(row)
                    .map(found -> new SequencedItem(sequenceId, position, found.getString("topic"),
                            statements.data(found)));
        } catch (DriverException e) {
            throw CassandraFailures.readFailed("Reading sequence " + sequenceId + " at position " + position
                    + " from " + table, e);
        }
    }

    List<SequencedItem> getItems(UUID sequenceId, PositionRange range) {
        List<SequencedItem> items = new ArrayList<>();
        Bounds bounds = Bounds.of(range);
        if (bounds == null) {
            return items;
        }
        int limit = range.limit() == null ? Integer.MAX_VALUE : range.limit();
        try {
            for (Row bucket : session.execute(statements.selectBuckets(sequenceId, bounds.lowestBucket(),
                    bounds.highestBucket(), range.descending()))) {
                for (Row row : session.execute(statements.selectItems(sequenceId, bucket.getLong("bucket"),
                        bounds.lowest(), bounds.highest(), limit - items.size(), range.descending()))) {
                    items.add(new SequencedItem(sequenceId, row.getLong("position"), row.getString("topic"),
                            statements.data(row)));
                }
                if (items.size() == limit) {
                    break;
                }
            }
        } catch (DriverException e) {
            throw CassandraFailures.readFailed("Reading sequence " + sequenceId + " in " + range + " from " + table, e);
        }
        return items;
    }

    /** A range's bounds as inclusive positions, and the buckets they fall in. */
    private record Bounds(long lowest, long highest) {

        /** The bounds, or null when the range holds no position. */
        static Bounds of(PositionRange range) {
            long lowest = Long.MIN_VALUE;
            long highest = Long.MAX_VALUE;
            if (range.gte() != null) {
                lowest = range.gte();
            } else if (range.gt() != null) {
                if (range.gt() == Long.MAX_VALUE) {
                    return null;
                }
                lowest = range.gt() + 1;
            }
            if (range.lte() != null) {
                highest = range.lte();
            } else if (range.lt() != null) {
                if (range.lt() == Long.MIN_VALUE) {
                    return null;
                }
                highest = range.lt() - 1;
            }
            return lowest <= highest ? new Bounds(lowest, highest) : null;
        }

        long lowestBucket() {
            return Buckets.ofPosition(lowest);
        }

        long highestBucket() {
            return Buckets.ofPosition(highest);
        }
    }
}
