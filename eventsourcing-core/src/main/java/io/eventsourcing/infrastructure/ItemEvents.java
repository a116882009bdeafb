package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.DomainEvent;
import java.util.List;
import java.util.Objects;

/**
 * The events read from one stored item: its event, or those upcasters split it into.
 *
 * @param events one or more events
 * @param erased whether their personal data was left out, their data subject forgotten
 */
public record ItemEvents(List<DomainEvent> events, boolean erased) {

    public ItemEvents {
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }
}
