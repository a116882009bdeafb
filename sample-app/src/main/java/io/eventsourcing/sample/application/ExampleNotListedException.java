package io.eventsourcing.sample.application;

import java.util.UUID;

/** Thrown when a page of the {@link LiveExamples} is asked for after an example that the list does not hold. */
public class ExampleNotListedException extends RuntimeException {

    public ExampleNotListedException(UUID id) {
        super("Example " + id + " is not in the list of examples");
    }
}
