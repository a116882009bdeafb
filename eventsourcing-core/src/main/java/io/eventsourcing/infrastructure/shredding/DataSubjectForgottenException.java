package io.eventsourcing.infrastructure.shredding;

import java.util.UUID;

/**
 * Thrown when personal data of a forgotten data subject is to be stored: the subject's key was destroyed, and its
 * personal data is never stored again, under that key or a new one. Nothing was stored.
 */
public class DataSubjectForgottenException extends RuntimeException {

    private final UUID subjectId;

    public DataSubjectForgottenException(UUID subjectId) {
        super("The data subject " + subjectId + " was forgotten: its personal data is not stored again");
        this.subjectId = subjectId;
    }

    /** The forgotten subject. */
    public UUID getSubjectId() {
        return subjectId;
    }
}
