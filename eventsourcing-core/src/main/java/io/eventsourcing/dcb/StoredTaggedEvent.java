package io.eventsourcing.dcb;

import io.eventsourcing.domain.TaggedEvent;
import java.util.Objects;

/**
 * A tagged event with its position in the notification log.
 *
 * @param position the event's position in the log
 * @param event the event
 */
public record StoredTaggedEvent(long position, TaggedEvent event) {

    public StoredTaggedEvent {
        Objects.requireNonNull(event, "event");
    }
}
