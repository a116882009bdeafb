package io.eventsourcing.sample.web;

import io.eventsourcing.sample.domain.Course;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /courses}: {@code {"capacity": 30}}, its number of places. */
public record DefineCourseRequest(@NotNull @Min(1) @Max(Course.MAX_CAPACITY) @Nullable Integer capacity) {
}
