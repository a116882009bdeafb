package io.eventsourcing.domain;

/**
 * Thrown when an event is applied to an entity it does not belong to, or out of turn: its originator id
 * or version differs from the entity's.
 */
public class MismatchedOriginatorException extends IllegalStateException {

    public MismatchedOriginatorException(String message) {
        super(message);
    }
}
