package io.eventsourcing.infrastructure.shredding;

import java.util.UUID;

/**
 * Thrown when an entity is read whose data subject was forgotten: its events still exist, but their personal data was
 * erased, so the entity cannot be rebuilt. Readers of the notification log get such events with their personal
 * attributes absent instead.
 */
public class PersonalDataErasedException extends RuntimeException {

    private final UUID subjectId;

    public PersonalDataErasedException(UUID subjectId) {
        super("The personal data of " + subjectId + " was erased: its data subject was forgotten");
        this.subjectId = subjectId;
    }

    /** The forgotten subject: the id of the entity. */
    public UUID getSubjectId() {
        return subjectId;
    }
}
