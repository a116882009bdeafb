package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.DomainEvent;
import java.util.Objects;

/**
 * A stored event with its place in the order in which the store recorded all events, from which a
 * reader can resume.
 *
 * @param storagePosition increasing in storage order
 * @param event the event
 */
public record PositionedEvent(long storagePosition, DomainEvent event) {

    public PositionedEvent {
        Objects.requireNonNull(event, "event");
    }
}
