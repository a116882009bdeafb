package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.dcb.AppendCondition;
import io.eventsourcing.dcb.AppendConditionViolatedException;
import io.eventsourcing.dcb.DcbEventStore;
import io.eventsourcing.dcb.Query;
import io.eventsourcing.dcb.QueryResult;
import io.eventsourcing.dcb.StoredTaggedEvent;
import io.eventsourcing.dcb.Tags;
import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.TaggedEvent;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.DataIntegrityException;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.StoreException;
import io.eventsourcing.infrastructure.jdbc.DcbStatements.Sql;
import io.eventsourcing.infrastructure.jdbc.DcbStatements.TopicItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The DCB event store on a table of sequenced items: each tagged event is an item of the table, at position 0 of a
 * sequence of its own (a random id), so that it is in the notification log with the entities' events; tables beside
 * it index tagged events by type and by tag ({@link FlywaySchemaMigration#forDcb}). Queries see tagged events only.
 * <p>
 * Every append of tagged events, conditional or not, first locks one row, {@code <table>_dcb_lock}, until it
 * commits: appends of tagged events run one at a time, so an append's check of its condition and its inserts are
 * one atomic step, and tagged events commit in log order. The check reads what is committed once the lock is held:
 * in a transaction of read committed, a new snapshot; in a repeatable-read transaction of PostgreSQL or H2 that
 * began before another append committed, the lock fails the transaction with a serialization failure, reported as
 * a {@link ConcurrencyException}; on MariaDB, a locking read. Appends join the caller's transaction, as the entities'
 * appends do; a violated condition leaves it usable, to decide again in it. Thread-safe.
 */
public final class JdbcDcbEventStore implements DcbEventStore {

    private static final long NONE = -1;

    private final JdbcActiveRecordStrategy items;
    private final SequencedItemMapper mapper;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactionTemplate;
    private final DcbStatements statements;

    /**
     * The tagged events of the items' table; its index tables must exist ({@link FlywaySchemaMigration#forDcb}).
     *
     * @param mapper maps the events to items and back, as the entities' events are
     */
    public JdbcDcbEventStore(JdbcActiveRecordStrategy items, SequencedItemMapper mapper) {
        this.items = Objects.requireNonNull(items, "items");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.jdbcTemplate = new JdbcTemplate(items.dataSource());
        this.transactionTemplate = items.transactionTemplate();
        this.statements = new DcbStatements(items.getTable(), items.getDialect());
    }

    @Override
    public QueryResult read(Query query, long after) {
        Objects.requireNonNull(query, "query");
        Sql sql = statements.selectItems(topicItems(query), after);
        List<StoredTaggedEvent> events = items.read(() -> "Reading the tagged events of " + query,
                () -> items.query(sql.text(), new ArgumentPreparedStatementSetter(sql.parameters().toArray())::setValues,
                        (connection, row) -> new StoredTaggedEvent(row.getLong(5),
                                taggedEvent(items.rows().item(connection, row)))));
        return new QueryResult(query, events, events.isEmpty() ? after : events.get(events.size() - 1).position());
    }

    @Override
    public long append(List<? extends TaggedEvent> events, AppendCondition condition) {
        return appendIf(events, Objects.requireNonNull(condition, "condition"));
    }

    @Override
    public long append(List<? extends TaggedEvent> events) {
        return appendIf(events, null);
    }

    /** Appends the events if the condition holds, or unconditionally without one. */
    private long appendIf(List<? extends TaggedEvent> events, @Nullable AppendCondition condition) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("An append needs at least one event");
        }
        List<SequencedItem> toStore = new ArrayList<>(events.size());
        for (TaggedEvent event : events) {
            requireValidTags(event);
            toStore.add(mapper.toSequencedItem(event, UUID.randomUUID()));
        }
        Supplier<String> operation = () -> "Appending " + describe(events);
        Outcome outcome;
        try {
            // A violated condition is returned, not thrown, so that a caller's transaction is not marked rollback-only
            outcome = Objects.requireNonNull(transactionTemplate.execute(status -> {
                jdbcTemplate.update(statements.lock());
                long matching = condition == null ? NONE : firstMatching(condition);
                if (matching != NONE) {
                    return new Outcome(false, matching);
                }
                long[] ids = items.insertReturningIds(toStore);
                index(events, toStore, ids);
                return new Outcome(true, ids[ids.length - 1]);
            }));
        } catch (ConcurrencyFailureException e) {
            throw new ConcurrencyException(operation.get() + " failed: the transaction could not be serialized with "
                    + "an append that committed meanwhile; nothing was stored, decide again", e);
        } catch (CannotGetJdbcConnectionException | CannotCreateTransactionException e) {
            throw JdbcActiveRecordStrategy.unavailable(operation.get(), e);
        } catch (DataAccessException | TransactionException e) {
            throw new StoreException(operation.get() + " failed: " + e.getMessage(), e);
        }
        if (!outcome.appended()) {
            throw new AppendConditionViolatedException("Cannot append " + describe(events) + ": the event at position "
                    + outcome.position() + " matches " + Objects.requireNonNull(condition).failIfEventsMatch()
                    + " and was stored after position " + condition.after()
                    + " (the decision is out of date); nothing was stored, decide again");
        }
        return outcome.position();
    }

    /** What an append did: appended, up to a position; or not, as an event at a position matched its condition. */
    private record Outcome(boolean appended, long position) {
    }

    private static void requireValidTags(TaggedEvent event) {
        try {
            event.tags().forEach(Tags::requireValid);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot append " + event.getClass().getName() + ": " + e.getMessage()
                    + "; nothing was stored", e);
        }
    }

    /** The position of the first event that matches the condition's query after its position, or {@link #NONE}. */
    private long firstMatching(AppendCondition condition) {
        for (TopicItem item : topicItems(condition.failIfEventsMatch())) {
            Sql sql = statements.selectAnyMatching(item, condition.after());
            List<Long> matching = jdbcTemplate.queryForList(sql.text(), Long.class, sql.parameters().toArray());
            if (!matching.isEmpty()) {
                return matching.get(0);
            }
        }
        return NONE;
    }

    private void index(List<? extends TaggedEvent> events, List<SequencedItem> stored, long[] ids) {
        List<Object[]> types = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            types.add(new Object[] {ids[i], stored.get(i).topic()});
            for (String tag : events.get(i).tags()) {
                tags.add(new Object[] {tag, ids[i]});
            }
        }
        jdbcTemplate.batchUpdate(statements.insertEvent(), types);
        if (!tags.isEmpty()) {
            jdbcTemplate.batchUpdate(statements.insertTag(), tags);
        }
    }

    private List<TopicItem> topicItems(Query query) {
        return query.items().stream().map(item -> new TopicItem(item.types().stream().map(mapper::topicOf)
                .collect(Collectors.toSet()), item.tags())).toList();
    }

    private TaggedEvent taggedEvent(SequencedItem item) {
        DomainEvent event = mapper.fromSequencedItem(item);
        if (event instanceof TaggedEvent tagged) {
            return tagged;
        }
        throw new DataIntegrityException("The item of " + item.describe() + " is indexed as a tagged event, but its "
                + "topic " + item.topic() + " names an event that is not one");
    }

    private static String describe(List<? extends TaggedEvent> events) {
        return events.size() + (events.size() == 1 ? " tagged event (" : " tagged events (")
                + events.stream().map(event -> event.getClass().getSimpleName()).distinct()
                .collect(Collectors.joining(", ")) + ")";
    }
}
