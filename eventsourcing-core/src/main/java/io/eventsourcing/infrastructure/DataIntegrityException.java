package io.eventsourcing.infrastructure;

import org.springframework.dao.NonTransientDataAccessException;

/**
 * Thrown when stored data cannot be read back into an event: corrupt or unreadable data, an unknown
 * topic. The message names the sequence id and position of the item at fault.
 */
public class DataIntegrityException extends NonTransientDataAccessException {

    public DataIntegrityException(String message) {
        super(message);
    }

    public DataIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
