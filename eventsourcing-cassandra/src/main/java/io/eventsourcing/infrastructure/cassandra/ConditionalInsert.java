package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import io.eventsourcing.infrastructure.StoreException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The lightweight transaction of one partition: inserts its items if none of their positions is taken (one
 * conditional batch for several), and tells whether it was applied.
 * <p>
 * When the transaction fails with an unknown outcome (a timeout or lost connection in the Paxos round,
 * contention that left a proposal accepted by too few replicas), a linearizable read of the positions settles
 * it: the items carry this append's storage position, so the read tells this append's items from another
 * writer's. If none is there, the transaction is tried again, up to {@value #ATTEMPTS} times in all, but not once
 * the append's deadline has passed. A transaction that fails so after the deadline is withdrawn instead: the
 * conditional delete of its items completes or ends it first, and then removes whatever of it was stored.
 */
final class ConditionalInsert {

    private static final int ATTEMPTS = 3;

    private final CqlSession session;
    private final CassandraStatements statements;

    ConditionalInsert(CqlSession session, CassandraStatements statements) {
        this.session = session;
        this.statements = statements;
    }

    /**
     * Whether a partition's items were stored.
     *
     * @param applied whether they were
     * @param taken if not, the positions found taken by other items (empty if the database did not say)
     */
    record Outcome(boolean applied, Set<Long> taken) {

        static final Outcome APPLIED = new Outcome(true, Set.of());
    }

    /**
     * Inserts the items of one partition, if the append's deadline has not passed.
     *
     * @throws StoreException if the items were not stored for another reason than a taken position, or it is
     *         unknown whether they were
     */
    Outcome insert(List<StoredRow> partition, String append, AppendDeadline deadline) {
        DriverException lastFailure = null;
        for (int attempt = 1; ; attempt++) {
            if (deadline.passed()) {
                throw CassandraFailures.outOfTime(append, deadline, lastFailure);
            }
            try {
                ResultSet result = session.execute(conditional(partition, statements::insertItem));
                return result.wasApplied() ? Outcome.APPLIED : new Outcome(false, takenPositions(result));
            } catch (DriverException e) {
                if (CassandraFailures.wasRefused(e)) {
                    throw CassandraFailures.transactionFailed(append, e);
                }
                if (deadline.passed()) {
                    throw withdraw(partition, append, deadline, e);
                }
                Outcome settled = settle(partition, append, e);
                if (settled != null) {
                    return settled;
                }
                if (attempt == ATTEMPTS) {
                    throw CassandraFailures.transactionFailed(append, e);
                }
                lastFailure = e;
            }
        }
    }

    /** Deletes the items of a partition that this append stored, as long as they hold its storage position. */
    void delete(List<StoredRow> partition) {
        session.execute(conditional(partition, statements::deleteItem));
    }

    /** Deletes whatever a transaction whose outcome is unknown stored, and tells what happened. */
    private StoreException withdraw(List<StoredRow> partition, String append, AppendDeadline deadline,
                                    DriverException failure) {
        try {
            delete(partition);
        } catch (DriverException e) {
            failure.addSuppressed(e);
            return CassandraFailures.outcomeUnknown(append, failure);
        }
        return CassandraFailures.outOfTime(append, deadline, failure);
    }

    /** What a linearizable read finds at the partition's positions, or null if it finds nothing there. */
    private @Nullable Outcome settle(List<StoredRow> partition, String append, DriverException failure) {
        ResultSet stored;
        try {
            stored = session.execute(statements.selectStoredAtSerially(partition));
        } catch (DriverException e) {
            failure.addSuppressed(e);
            throw CassandraFailures.outcomeUnknown(append, failure);
        }
        Map<Long, Long> storedAtByPosition = partition.stream()
                .collect(Collectors.toMap(row -> row.item().position(), StoredRow::storedAt));
        Set<Long> taken = new LinkedHashSet<>();
        boolean found = false;
        for (Row row : stored) {
            found = true;
            long position = row.getLong("position");
            if (row.getLong("stored_at") != storedAtByPosition.get(position)) {
                taken.add(position);
            }
        }
        if (!found) {
            return null;
        }
        return taken.isEmpty() ? Outcome.APPLIED : new Outcome(false, taken);
    }

    private Statement<?> conditional(List<StoredRow> partition, Function<StoredRow, BoundStatement> statement) {
        return statements.conditional(partition.stream().map(statement).toList());
    }

    private static Set<Long> takenPositions(ResultSet result) {
        Set<Long> positions = new LinkedHashSet<>();
        for (Row row : result) {
            if (row.getColumnDefinitions().contains("position") && !row.isNull("position")) {
                positions.add(row.getLong("position"));
            }
        }
        return positions;
    }
}
