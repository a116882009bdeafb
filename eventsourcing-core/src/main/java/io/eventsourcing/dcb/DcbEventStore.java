package io.eventsourcing.dcb;

import io.eventsourcing.domain.TaggedEvent;
import java.util.List;

/**
 * The event store of dynamic consistency boundaries: reads the tagged events that match a query, and appends
 * tagged events on the condition that none matching the decision's query was stored since it read. Its events
 * are items of the notification log, beside the entities' events. Implementations are thread-safe.
 */
public interface DcbEventStore {

    /**
     * The events that match a query and come after a position in the log, in log order.
     *
     * @param after 0 for all of them
     */
    QueryResult read(Query query, long after);

    /** All the events that match a query, in log order. */
    default QueryResult read(Query query) {
        return read(query, 0);
    }

    /**
     * Stores events in one atomic append, if no event matching the condition's query was stored after its
     * position; the check and the append are one atomic step, whatever other appends run at the same time.
     *
     * @return the log position of the last event stored
     * @throws AppendConditionViolatedException if an event matching the query was stored after the position (then
     *         nothing is stored)
     * @throws IllegalArgumentException if there is no event, or an event's tag is invalid
     */
    long append(List<? extends TaggedEvent> events, AppendCondition condition);

    /**
     * Stores events in one atomic append, unconditionally.
     *
     * @return the log position of the last event stored
     */
    long append(List<? extends TaggedEvent> events);

    /**
     * Reads the events that the projections need, at once, and gives each projection's state in a decision
     * whose appends are conditional on all of them.
     */
    default Decision decide(DecisionProjection<?>... projections) {
        return Decision.read(this, List.of(projections));
    }
}
