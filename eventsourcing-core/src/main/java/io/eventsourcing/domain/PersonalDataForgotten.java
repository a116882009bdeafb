package io.eventsourcing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Recorded when a data subject is forgotten: the last event of the subject's sequence, after which its personal data
 * reads back erased. Read models handle it to delete their copies of the subject's personal data. It has no sequencing
 * attributes of its own: its store places it.
 *
 * @param subjectId the forgotten subject: the id of the entity whose events held its personal data
 * @param timestamp when its key was destroyed
 */
public record PersonalDataForgotten(UUID subjectId, Instant timestamp) implements DomainEvent {

    public PersonalDataForgotten {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
