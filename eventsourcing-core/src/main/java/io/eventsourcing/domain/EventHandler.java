package io.eventsourcing.domain;

import java.util.List;

/**
 * Receives published domain events. Events published together (an aggregate's save) arrive in one
 * call, so that the handler can treat them as one unit.
 */
@FunctionalInterface
public interface EventHandler {

    /** Handles events published together, in the order they were published. */
    void handle(List<DomainEvent> events);
}
