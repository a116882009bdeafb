package io.eventsourcing.autoconfigure.browser;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of events.
 *
 * @param events the events, in order
 * @param next where the next page starts: the {@code after} to ask it with; null when there is none (a sequence's
 *             last page). The log's always has one, since new events may come.
 */
record EventPage(List<BrowsedEvent> events, @Nullable Long next) {

    EventPage {
        events = List.copyOf(events);
    }
}
