package io.eventsourcing.infrastructure;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Thrown when an append finds a position already taken: the entity was changed elsewhere since it was
 * read. Nothing of the failed append is stored; reload the entity and try again.
 */
public class ConcurrencyException extends OptimisticLockingFailureException {

    public ConcurrencyException(String message, Throwable cause) {
        super(message, cause);
    }
}
