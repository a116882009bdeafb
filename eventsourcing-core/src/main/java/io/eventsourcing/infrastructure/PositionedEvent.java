package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.DomainEvent;
import java.util.Objects;

/**
 * A stored event with its place in the order in which the store recorded all events, from which a
 * reader can resume.
 *
 * @param storagePosition increasing in storage order
 * @param event the event
 * @param erased whether the event's personal data was left out, its data subject forgotten
 */
public record PositionedEvent(long storagePosition, DomainEvent event, boolean erased) {

    public PositionedEvent {
        Objects.requireNonNull(event, "event");
    }

    /** An event with nothing erased. */
    public PositionedEvent(long storagePosition, DomainEvent event) {
        this(storagePosition, event, false);
    }
}
