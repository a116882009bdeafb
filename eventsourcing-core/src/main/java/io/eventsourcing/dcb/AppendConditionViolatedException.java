package io.eventsourcing.dcb;

import io.eventsourcing.infrastructure.ConcurrencyException;

/**
 * Thrown when an append's condition fails: an event matching its query was stored after its position, so the
 * decision was made on out-of-date events. Nothing of the append is stored; decide again.
 */
public class AppendConditionViolatedException extends ConcurrencyException {

    public AppendConditionViolatedException(String message) {
        super(message, null);
    }
}
