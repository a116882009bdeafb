package io.eventsourcing.infrastructure;

import org.springframework.dao.DataAccessException;

/**
 * Thrown when the database fails an operation of the event store (lost connection, timeout, rejected
 * statement). The message names the operation, table, and sequence id and positions concerned; the
 * cause is the database's own exception.
 */
public class StoreException extends DataAccessException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
