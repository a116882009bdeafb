package io.eventsourcing.infrastructure;

/** Thrown when a stored topic names no known event class. */
public class TopicResolutionException extends DataIntegrityException {

    public TopicResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
