package io.eventsourcing.sample.domain;

import io.eventsourcing.domain.TaggedEvent;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A course was defined with a number of places. Tagged with the course. */
public record CourseDefined(UUID courseId, int capacity, Instant timestamp) implements TaggedEvent {

    @Override
    public Set<String> tags() {
        return Set.of(Course.tag(courseId));
    }
}
