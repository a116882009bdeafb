package io.eventsourcing.benchmarks;

import io.eventsourcing.domain.TaggedEvent;
import java.time.Instant;
import java.util.Set;

/** The tagged events of the DCB benchmark: courses open, students enrol in them. */
final class Enrolment {

    private Enrolment() {
    }

    /** A course opened with a capacity. */
    record CourseOpened(String course, int capacity, Instant timestamp) implements TaggedEvent {
        @Override
        public Set<String> tags() {
            return Set.of("course:" + course);
        }
    }

    /** A student enrolled in a course. */
    record Enrolled(String course, String student, Instant timestamp) implements TaggedEvent {
        @Override
        public Set<String> tags() {
            return Set.of("course:" + course, "student:" + student);
        }
    }
}
