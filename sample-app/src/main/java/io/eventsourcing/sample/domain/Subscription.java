package io.eventsourcing.sample.domain;

import io.eventsourcing.dcb.AppendConditionViolatedException;
import io.eventsourcing.dcb.DcbEventStore;
import io.eventsourcing.dcb.Decision;
import io.eventsourcing.dcb.DecisionProjection;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.sample.domain.SubscriptionRefusedException.Reason;
import java.util.UUID;

/**
 * A student's subscription to a course, decided with a dynamic consistency boundary instead of an aggregate of
 * courses and students: the decision reads the events of the course and of the student only, and appends on the
 * condition that none of them was stored meanwhile. Subscriptions that share neither the course nor the student
 * never make each other fail.
 */
public final class Subscription {

    private Subscription() {
    }

    /**
     * Subscribes a student to a course, if the course has a free place and the student fewer than
     * {@value Student#MAX_COURSES} courses.
     *
     * @return the event stored
     * @throws NotFoundException if the course or the student does not exist
     * @throws SubscriptionRefusedException if the student is already subscribed to the course, the course is full or
     *         the student has {@value Student#MAX_COURSES} courses
     * @throws AppendConditionViolatedException if an event of the course or of the student was stored since they
     *         were read: decide again
     */
    public static StudentSubscribed decide(DcbEventStore store, UUID courseId, UUID studentId) {
        DecisionProjection<Course> course = Course.projection(courseId);
        DecisionProjection<Student> student = Student.projection(studentId);
        Decision decision = store.decide(course, student);
        StudentSubscribed subscribed = allowed(decision.state(course), decision.state(student));
        decision.append(subscribed);
        return subscribed;
    }

    private static StudentSubscribed allowed(Course course, Student student) {
        if (!course.isDefined()) {
            throw NotFoundException.course(course.id());
        }
        if (!student.registered()) {
            throw NotFoundException.student(student.id());
        }
        if (student.courses().contains(course.id())) {
            throw new SubscriptionRefusedException(Reason.ALREADY_SUBSCRIBED,
                    "Student " + student.id() + " is already subscribed to course " + course.id());
        }
        if (course.isFull()) {
            throw new SubscriptionRefusedException(Reason.COURSE_FULL,
                    "Course " + course.id() + " is full: all of its places (" + course.capacity() + ") are taken");
        }
        if (student.hasMaxCourses()) {
            throw new SubscriptionRefusedException(Reason.STUDENT_FULL, "Student " + student.id() + " already has "
                    + Student.MAX_COURSES + " courses, the most a student may have");
        }
        return new StudentSubscribed(course.id(), student.id(), Timestamps.now());
    }
}
