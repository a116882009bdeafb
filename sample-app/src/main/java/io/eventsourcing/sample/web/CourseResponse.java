package io.eventsourcing.sample.web;

import io.eventsourcing.sample.domain.Course;
import java.util.UUID;

/** A course as the API shows it: its places and how many are taken. */
public record CourseResponse(UUID id, int capacity, int subscribers) {

    static CourseResponse of(Course course) {
        return new CourseResponse(course.id(), course.capacity(), course.subscribers());
    }
}
