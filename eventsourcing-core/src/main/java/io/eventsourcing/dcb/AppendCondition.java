package io.eventsourcing.dcb;

import java.util.Objects;

/**
 * The condition of an append: no event matching the query was stored after the position, the last one the
 * decision read. Usually taken from a {@link QueryResult} or a {@link Decision}.
 *
 * @param failIfEventsMatch the query of the events the decision depends on
 * @param after the position in the log after which no matching event may exist (0: none may exist at all)
 */
public record AppendCondition(Query failIfEventsMatch, long after) {

    public AppendCondition {
        Objects.requireNonNull(failIfEventsMatch, "failIfEventsMatch");
        if (after < 0) {
            throw new IllegalArgumentException("after must be a position in the log, 0 or more, was " + after);
        }
    }
}
