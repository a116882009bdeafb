package io.eventsourcing.sample.application;

import io.eventsourcing.dcb.DcbEventStore;
import io.eventsourcing.dcb.DecisionProjection;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.sample.domain.Course;
import io.eventsourcing.sample.domain.CourseDefined;
import io.eventsourcing.sample.domain.NotFoundException;
import io.eventsourcing.sample.domain.Student;
import io.eventsourcing.sample.domain.StudentRegistered;
import io.eventsourcing.sample.domain.StudentSubscribed;
import io.eventsourcing.sample.domain.Subscription;
import io.eventsourcing.sample.domain.SubscriptionRefusedException;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Service;

/**
 * The use cases of courses and students, on the event store of dynamic consistency boundaries. Not with the
 * "cassandra" profile: that store needs the JDBC database.
 */
@Service
@Profile("!cassandra")
public class CourseService {

    /** The most times one subscription is decided, each after another decision on its course or student won. */
    static final int MAX_DECISIONS = 10;

    private final DcbEventStore store;

    public CourseService(DcbEventStore store) {
        this.store = store;
    }

    /** Defines and stores a course with a new id. */
    public Course define(int capacity) {
        CourseDefined defined = Course.define(capacity);
        store.append(List.of(defined));
        return new Course(defined.courseId(), defined.capacity(), 0);
    }

    /** Registers and stores a student with a new id. */
    public Student register() {
        StudentRegistered registered = Student.register();
        store.append(List.of(registered));
        return new Student(registered.studentId(), true, List.of());
    }

    /**
     * A course as its events make it now.
     *
     * @throws NotFoundException if no course was defined with the id
     */
    public Course course(UUID id) {
        Course course = read(Course.projection(id));
        if (!course.isDefined()) {
            throw NotFoundException.course(id);
        }
        return course;
    }

    /**
     * A student as its events make it now.
     *
     * @throws NotFoundException if no student was registered with the id
     */
    public Student student(UUID id) {
        Student student = read(Student.projection(id));
        if (!student.registered()) {
            throw NotFoundException.student(id);
        }
        return student;
    }

    /**
     * Subscribes a student to a course. A decision made on events that changed before it was stored is taken again
     * on the new ones, so that of concurrent requests for a course's last place one succeeds and the others are
     * refused, as they would be one after the other.
     *
     * @throws NotFoundException if the course or the student does not exist
     * @throws SubscriptionRefusedException if the rules of subscriptions forbid it
     * @throws ConcurrencyException if {@value #MAX_DECISIONS} decisions in a row lost their race (nothing is stored)
     */
    public StudentSubscribed subscribe(UUID courseId, UUID studentId) {
        for (int decision = 1; ; decision++) {
            try {
                return Subscription.decide(store, courseId, studentId);
            } catch (ConcurrencyException e) {
                if (decision == MAX_DECISIONS) {
                    throw e;
                }
            }
        }
    }

    private <S> S read(DecisionProjection<S> projection) {
        return store.decide(projection).state(projection);
    }
}
