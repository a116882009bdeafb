package io.eventsourcing.sample.domain;

import io.eventsourcing.domain.TaggedEvent;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A student subscribed to a course. Tagged with both, so that the decisions of either find it. */
public record StudentSubscribed(UUID courseId, UUID studentId, Instant timestamp) implements TaggedEvent {

    @Override
    public Set<String> tags() {
        return Set.of(Course.tag(courseId), Student.tag(studentId));
    }
}
