package io.eventsourcing.dcb;

import java.util.List;
import java.util.Objects;

/**
 * The events that matched a query, in log order, and the condition under which a decision made from them may
 * append.
 *
 * @param query the query
 * @param events the matching events, in log order
 * @param position the position of the last matching event, or the position the read started after if none did
 */
public record QueryResult(Query query, List<StoredTaggedEvent> events, long position) {

    public QueryResult {
        Objects.requireNonNull(query, "query");
        events = List.copyOf(events);
    }

    /** Fail the append if an event matching the query was stored after the events read. */
    public AppendCondition appendCondition() {
        return new AppendCondition(query, position);
    }
}
