package io.eventsourcing.testing;

import io.eventsourcing.dcb.DcbEventStore;
import io.eventsourcing.dcb.Decision;
import io.eventsourcing.dcb.DecisionProjection;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.testing.DcbTestEvents.CourseDefined;
import io.eventsourcing.testing.DcbTestEvents.StudentSubscribed;

/**
 * The course subscriptions of the specification's example, as decisions: a course takes no more students than its
 * capacity, a student no more than {@value #COURSES_PER_STUDENT} courses, and each subscription once.
 */
public final class CourseSubscriptions {

    /** The most courses a student may subscribe to. */
    public static final int COURSES_PER_STUDENT = 3;

    /** What became of a subscription. */
    public enum Outcome { SUBSCRIBED, NO_SUCH_COURSE, COURSE_FULL, STUDENT_FULL, ALREADY_SUBSCRIBED }

    private final DcbEventStore store;

    public CourseSubscriptions(DcbEventStore store) {
        this.store = store;
    }

    /** Subscribes a student, deciding again as long as concurrent appends make the decision out of date. */
    public Outcome subscribe(String studentId, String courseId) {
        while (true) {
            try {
                return trySubscribe(studentId, courseId);
            } catch (ConcurrencyException e) {
                // decided on events that changed meanwhile (or a serialization failure): decide again
            }
        }
    }

    private Outcome trySubscribe(String studentId, String courseId) {
        DecisionProjection<Integer> capacity = DecisionProjection.initially(0).taggedWith("course:" + courseId)
                .on(CourseDefined.class, (state, event) -> event.capacity());
        DecisionProjection<Integer> courseSubscriptions = DecisionProjection.initially(0)
                .taggedWith("course:" + courseId).on(StudentSubscribed.class, (count, event) -> count + 1);
        DecisionProjection<Integer> studentSubscriptions = DecisionProjection.initially(0)
                .taggedWith("student:" + studentId).on(StudentSubscribed.class, (count, event) -> count + 1);
        DecisionProjection<Boolean> subscribed = DecisionProjection.initially(false)
                .taggedWith("course:" + courseId, "student:" + studentId)
                .on(StudentSubscribed.class, (state, event) -> true);
        Decision decision = store.decide(capacity, courseSubscriptions, studentSubscriptions, subscribed);
        if (decision.state(capacity) == 0) {
            return Outcome.NO_SUCH_COURSE;
        }
        if (decision.state(subscribed)) {
            return Outcome.ALREADY_SUBSCRIBED;
        }
        if (decision.state(courseSubscriptions) >= decision.state(capacity)) {
            return Outcome.COURSE_FULL;
        }
        if (decision.state(studentSubscriptions) >= COURSES_PER_STUDENT) {
            return Outcome.STUDENT_FULL;
        }
        decision.append(new StudentSubscribed(studentId, courseId, Timestamps.now()));
        return Outcome.SUBSCRIBED;
    }
}
