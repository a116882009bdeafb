package io.eventsourcing.infrastructure;

/**
 * Thrown when the store cannot serve a request at all: no connection to the database, or too few replicas alive.
 * The request did nothing; nothing of an append was stored. Transient: try again later (an HTTP API answers 503
 * with Retry-After).
 */
public class StoreUnavailableException extends StoreException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
