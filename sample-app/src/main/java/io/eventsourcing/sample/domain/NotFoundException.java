package io.eventsourcing.sample.domain;

import java.util.NoSuchElementException;
import java.util.UUID;

/** Thrown when no course was defined, no student registered, or no example created, with an id. */
public class NotFoundException extends NoSuchElementException {

    private NotFoundException(String message) {
        super(message);
    }

    /** No course was defined with the id. */
    public static NotFoundException course(UUID id) {
        return new NotFoundException("No course " + id);
    }

    /** No student was registered with the id. */
    public static NotFoundException student(UUID id) {
        return new NotFoundException("No student " + id);
    }

    /** No example was ever created with the id, discarded or not. */
    public static NotFoundException example(UUID id) {
        return new NotFoundException("No example " + id);
    }
}
