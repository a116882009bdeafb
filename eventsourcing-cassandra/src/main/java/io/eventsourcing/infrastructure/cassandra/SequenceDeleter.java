package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Deletes every item of a sequence ({@link CassandraActiveRecordStrategy#deleteItems}): in each of its buckets, a page
 * of items at a time by one conditional batch, then the sequence's entries in the buckets table, so that no read walks
 * the emptied partitions again. The deletes are lightweight transactions, like the inserts: each is timestamped by its
 * Paxos ballot, later than the insert it follows whatever the clocks, so that its tombstone shadows the item. A page
 * that another deletion took part of is deleted item by item. Items first: a deletion cut short leaves its buckets
 * listed, and running it again finishes it.
 */
final class SequenceDeleter {

    private static final int PAGE = CassandraActiveRecordStrategy.MAX_ITEMS_PER_APPEND;

    private final CqlSession session;
    private final CassandraStatements statements;
    private final String table;

    SequenceDeleter(CqlSession session, CassandraStatements statements, String table) {
        this.session = session;
        this.statements = statements;
        this.table = table;
    }

    /** Deletes the items of a sequence; returns how many this deletion deleted. */
    int delete(UUID sequenceId) {
        int deleted = 0;
        try {
            for (Row bucket : session.execute(statements.selectBuckets(sequenceId, Long.MIN_VALUE, Long.MAX_VALUE,
                    false))) {
                Iterator<Row> items = session.execute(statements.selectStoredAt(sequenceId,
                        bucket.getLong("bucket"), PAGE)).iterator();
                while (items.hasNext()) {
                    deleted += deletePage(nextPage(sequenceId, items));
                }
            }
            session.execute(statements.deleteBuckets(sequenceId));
            return deleted;
        } catch (DriverException e) {
            throw CassandraFailures.deletionFailed("sequence " + sequenceId + " from " + table, deleted, e);
        }
    }

    private List<BoundStatement> nextPage(UUID sequenceId, Iterator<Row> items) {
        List<BoundStatement> page = new ArrayList<>(PAGE);
        while (page.size() < PAGE && items.hasNext()) {
            Row item = items.next();
            page.add(statements.deleteItem(sequenceId, item.getLong("position"), item.getLong("stored_at")));
        }
        return page;
    }

    /** Deletes a page of items; returns how many of them this deletion deleted. */
    private int deletePage(List<BoundStatement> deletes) {
        if (session.execute(statements.conditional(deletes)).wasApplied()) {
            return deletes.size();
        }
        int deleted = 0;
        for (BoundStatement delete : deletes) {
            if (session.execute(delete).wasApplied()) {
                deleted++;
            }
        }
        return deleted;
    }
}
