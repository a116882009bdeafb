package io.eventsourcing.sample.domain;

import io.eventsourcing.dcb.DecisionProjection;
import io.eventsourcing.domain.Timestamps;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A student as decisions see it, made from the events tagged with it: whether it was registered, and the courses it
 * subscribed to, in order.
 */
public record Student(UUID id, boolean registered, List<UUID> courses) {

    /** The most courses a student may subscribe to. */
    public static final int MAX_COURSES = 3;

    public Student {
        courses = List.copyOf(courses);
    }

    /** The event that registers a new student, with a new id. */
    public static StudentRegistered register() {
        return new StudentRegistered(UUID.randomUUID(), Timestamps.now());
    }

    /** The student of an id, from its events. */
    public static DecisionProjection<Student> projection(UUID id) {
        return DecisionProjection.initially(new Student(id, false, List.of())).taggedWith(tag(id))
                .on(StudentRegistered.class, (student, registered) -> new Student(id, true, student.courses))
                .on(StudentSubscribed.class, (student, subscribed) -> new Student(id, student.registered,
                        Stream.concat(student.courses.stream(), Stream.of(subscribed.courseId())).toList()));
    }

    /** The tag of a student's events. */
    static String tag(UUID id) {
        return "student:" + id;
    }

    /** Whether the student has as many courses as a student may have. */
    public boolean hasMaxCourses() {
        return courses.size() >= MAX_COURSES;
    }
}
