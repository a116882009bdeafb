package io.eventsourcing.sample.domain;

/** Thrown when a student may not subscribe to a course; nothing was stored. */
public class SubscriptionRefusedException extends RuntimeException {

    /** Why a subscription was refused. */
    public enum Reason {
        /** The student is subscribed to the course already. */
        ALREADY_SUBSCRIBED,
        /** Every place of the course is taken. */
        COURSE_FULL,
        /** The student has as many courses as a student may have. */
        STUDENT_FULL
    }

    private final Reason reason;

    public SubscriptionRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
