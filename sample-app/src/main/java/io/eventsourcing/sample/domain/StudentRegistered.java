package io.eventsourcing.sample.domain;

import io.eventsourcing.domain.TaggedEvent;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A student was registered. Tagged with the student. */
public record StudentRegistered(UUID studentId, Instant timestamp) implements TaggedEvent {

    @Override
    public Set<String> tags() {
        return Set.of(Student.tag(studentId));
    }
}
