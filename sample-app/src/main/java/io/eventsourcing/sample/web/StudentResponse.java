package io.eventsourcing.sample.web;

import io.eventsourcing.sample.domain.Student;
import java.util.List;
import java.util.UUID;

/** A student as the API shows it: the courses it subscribed to, in order. */
public record StudentResponse(UUID id, List<UUID> courses) {

    static StudentResponse of(Student student) {
        return new StudentResponse(student.id(), student.courses());
    }
}
