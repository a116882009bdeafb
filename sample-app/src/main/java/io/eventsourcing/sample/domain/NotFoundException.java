package io.eventsourcing.sample.domain;

import java.util.NoSuchElementException;
import java.util.UUID;

/** Thrown when no course was defined, or no student registered, with an id. */
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
}
