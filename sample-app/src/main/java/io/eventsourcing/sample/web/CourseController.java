package io.eventsourcing.sample.web;

import io.eventsourcing.sample.application.CourseService;
import io.eventsourcing.sample.domain.Course;
import jakarta.validation.Valid;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /courses}: define and read courses, and subscribe students to them. Not with the "cassandra" profile, as
 * {@link CourseService}.
 */
@RestController
@Profile("!cassandra")
@RequestMapping(path = "/courses", produces = MediaType.APPLICATION_JSON_VALUE)
public class CourseController {

    private final CourseService courses;

    public CourseController(CourseService courses) {
        this.courses = courses;
    }

    @PostMapping
    public ResponseEntity<CourseResponse> define(@Valid @RequestBody DefineCourseRequest request) {
        Course course = courses.define(Objects.requireNonNull(request.capacity()));
        return Created.at(course.id(), CourseResponse.of(course));
    }

    @GetMapping("/{id}")
    public CourseResponse get(@PathVariable UUID id) {
        return CourseResponse.of(courses.course(id));
    }

    @PostMapping("/{id}/subscriptions")
    public ResponseEntity<SubscriptionResponse> subscribe(@PathVariable UUID id,
                                                          @Valid @RequestBody SubscribeRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(SubscriptionResponse.of(courses.subscribe(id, Objects.requireNonNull(request.studentId()))));
    }
}
