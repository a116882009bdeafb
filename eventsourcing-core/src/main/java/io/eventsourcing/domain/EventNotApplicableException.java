package io.eventsourcing.domain;

/**
 * Thrown when an entity cannot apply an event: no constructor of its class creates it from that event, or it does
 * not handle the event. Replaying the events of another type's entity ends this way.
 */
public class EventNotApplicableException extends IllegalArgumentException {

    public EventNotApplicableException(String message) {
        super(message);
    }
}
