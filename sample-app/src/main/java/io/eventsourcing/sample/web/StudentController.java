package io.eventsourcing.sample.web;

import io.eventsourcing.sample.application.CourseService;
import io.eventsourcing.sample.domain.Student;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /students}: register and read students. Not with the "cassandra" profile, as {@link CourseService}. */
@RestController
@Profile("!cassandra")
@RequestMapping(path = "/students", produces = MediaType.APPLICATION_JSON_VALUE)
public class StudentController {

    private final CourseService courses;

    public StudentController(CourseService courses) {
        this.courses = courses;
    }

    /** Registers a student; the body, {@code {}}, may be left out, and is read only to refuse any other. */
    @PostMapping
    public ResponseEntity<StudentResponse> register(
            @RequestBody(required = false) @Nullable RegisterStudentRequest request) {
        Student student = courses.register();
        return Created.at(student.id(), StudentResponse.of(student));
    }

    @GetMapping("/{id}")
    public StudentResponse get(@PathVariable UUID id) {
        return StudentResponse.of(courses.student(id));
    }
}
