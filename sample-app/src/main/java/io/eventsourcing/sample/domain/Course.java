package io.eventsourcing.sample.domain;

import io.eventsourcing.dcb.DecisionProjection;
import io.eventsourcing.domain.Timestamps;
import java.util.UUID;

/**
 * A course as decisions see it, made from the events tagged with it: its capacity (0 if it was never defined) and
 * how many students subscribed to it.
 */
public record Course(UUID id, int capacity, int subscribers) {

    /** The most places a course may have. */
    public static final int MAX_CAPACITY = 10_000;

    /**
     * The event that defines a new course, with a new id.
     *
     * @throws IllegalArgumentException if the capacity is not from 1 to {@value #MAX_CAPACITY}
     */
    public static CourseDefined define(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("A course has from 1 to " + MAX_CAPACITY + " places, not " + capacity);
        }
        return new CourseDefined(UUID.randomUUID(), capacity, Timestamps.now());
    }

    /** The course of an id, from its events. */
    public static DecisionProjection<Course> projection(UUID id) {
        return DecisionProjection.initially(new Course(id, 0, 0)).taggedWith(tag(id))
                .on(CourseDefined.class, (course, defined) -> new Course(id, defined.capacity(), course.subscribers))
                .on(StudentSubscribed.class, (course, subscribed) -> new Course(id, course.capacity,
                        course.subscribers + 1));
    }

    /** The tag of a course's events. */
    static String tag(UUID id) {
        return "course:" + id;
    }

    /** Whether the course was defined. */
    public boolean isDefined() {
        return capacity > 0;
    }

    /** Whether all its places are taken. */
    public boolean isFull() {
        return subscribers >= capacity;
    }
}
