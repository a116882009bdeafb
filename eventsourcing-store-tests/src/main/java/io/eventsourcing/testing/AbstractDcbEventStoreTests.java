package io.eventsourcing.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.dcb.AppendCondition;
import io.eventsourcing.dcb.AppendConditionViolatedException;
import io.eventsourcing.dcb.DcbEventStore;
import io.eventsourcing.dcb.Decision;
import io.eventsourcing.dcb.DecisionProjection;
import io.eventsourcing.dcb.Query;
import io.eventsourcing.dcb.QueryItem;
import io.eventsourcing.dcb.QueryResult;
import io.eventsourcing.dcb.StoredTaggedEvent;
import io.eventsourcing.domain.TaggedEvent;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.PositionedEvent;
import io.eventsourcing.testing.CourseSubscriptions.Outcome;
import io.eventsourcing.testing.DcbTestEvents.AccountClosed;
import io.eventsourcing.testing.DcbTestEvents.AccountRegistered;
import io.eventsourcing.testing.DcbTestEvents.CourseDefined;
import io.eventsourcing.testing.DcbTestEvents.InvoiceCreated;
import io.eventsourcing.testing.DcbTestEvents.Labelled;
import io.eventsourcing.testing.DcbTestEvents.StudentSubscribed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link DcbEventStore}: what its reads match, its conditional appends, the specification's
 * examples, and races of 16 writers for the last place. A subclass gives new, empty stores for each test.
 */
public abstract class AbstractDcbEventStoreTests {

    /** Writers racing for the same place. */
    protected static final int WRITERS = 16;

    /** A DCB store and the event store of the same events, whose notification log holds the tagged events too. */
    public record Stores(DcbEventStore dcb, EventStore events) {
    }

    private DcbEventStore store;
    private EventStore events;
    private ExecutorService writers;

    /** New, empty stores. */
    protected abstract Stores createStores();

    /** How many rounds each race runs. */
    protected int raceRounds() {
        return 8;
    }

    @BeforeEach
    void setUpStores() {
        Stores stores = createStores();
        store = stores.dcb();
        events = stores.events();
        writers = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    @Test
    void readsTheEventsOfAnyItemOfOneOfItsTypesWithAllItsTagsInLogOrder() {
        long a = store.append(List.of(labelled("course:c1")));
        long b = store.append(List.of(labelled("course:c1", "student:s1")));
        store.append(List.of(labelled("course:c2", "student:s1")));
        long d = store.append(List.of(new CourseDefined("c1", 5, Timestamps.now())));

        assertThat(positions(store.read(Query.of(QueryItem.ofTags("course:c1"))))).containsExactly(a, b, d);
        assertThat(positions(store.read(Query.of(QueryItem.ofTags("course:c1", "student:s1"))))).containsExactly(b);
        assertThat(positions(store.read(Query.of(QueryItem.ofTypes(CourseDefined.class))))).containsExactly(d);
        assertThat(positions(store.read(Query.of(QueryItem.ofTypes(Labelled.class).withTags("course:c1")))))
                .containsExactly(a, b);
        assertThat(positions(store.read(Query.of(QueryItem.ofTypes(CourseDefined.class),
                QueryItem.ofTags("course:c1", "student:s1"))))).containsExactly(b, d);
        assertThat(positions(store.read(Query.of(QueryItem.ofTags("course:c1")), a))).containsExactly(b, d);
        assertThat(store.read(Query.of(QueryItem.ofTags("course:c3"))).events()).isEmpty();
    }

    @Test
    void readsBackWhatWasAppendedWithThePositionOfTheLastMatchAsTheAppendCondition() {
        CourseDefined course = new CourseDefined("c1", 10, Timestamps.now());
        StudentSubscribed subscribed = new StudentSubscribed("s1", "c1", Timestamps.now());
        long last = store.append(List.of(course, subscribed));
        store.append(List.of(labelled("other")));

        QueryResult result = store.read(Query.of(QueryItem.ofTags("course:c1")));
        assertThat(result.events()).extracting(StoredTaggedEvent::event).containsExactly(course, subscribed);
        assertThat(result.events().get(0).position()).isEqualTo(last - 1);
        assertThat(result.position()).isEqualTo(last);
        assertThat(result.appendCondition()).isEqualTo(new AppendCondition(result.query(), last));
        assertThat(store.read(Query.of(QueryItem.ofTags("course:c9")), 7).position()).isEqualTo(7);
    }

    @Test
    void tagsCompareExactly() {
        long lower = store.append(List.of(labelled("course:a")));
        store.append(List.of(labelled("Course:A"), labelled("course:a "), labelled("cours")));

        assertThat(positions(store.read(Query.of(QueryItem.ofTags("course:a"))))).containsExactly(lower);
    }

    @Test
    void queryAllReadsEveryTaggedEventAndNoEntityEvent() {
        long first = store.append(List.of(labelled("x")));
        long second = store.append(List.of(new InvoiceCreated(1, Timestamps.now())));

        assertThat(positions(store.read(Query.all()))).containsExactly(first, second);
    }

    @Test
    void aConditionalAppendFailsNamingTheMatchingEventAndStoresNothingWhenAMatchingEventCameAfterItsPosition() {
        Query course = Query.of(QueryItem.ofTags("course:c1"));
        QueryResult read = store.read(course);
        long competing = store.append(List.of(new CourseDefined("c1", 1, Timestamps.now())));
        long before = lastLogPosition();

        assertThatThrownBy(() -> store.append(List.of(new CourseDefined("c1", 2, Timestamps.now())),
                read.appendCondition()))
                .isInstanceOf(AppendConditionViolatedException.class).isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining("position " + competing).hasMessageContaining("course:c1")
                .hasMessageContaining("nothing was stored");
        assertThat(lastLogPosition()).isEqualTo(before);
        assertThat(store.read(course).events()).hasSize(1);
    }

    @Test
    void aConditionalAppendSucceedsWhenOnlyEventsBeforeItsPositionOrOfOtherQueriesMatch() {
        Query course = Query.of(QueryItem.ofTypes(CourseDefined.class).withTags("course:c1"));
        store.append(List.of(new CourseDefined("c1", 1, Timestamps.now())));
        QueryResult read = store.read(course);
        store.append(List.of(new CourseDefined("c2", 1, Timestamps.now()), labelled("course:c1")));

        long appended = store.append(List.of(new StudentSubscribed("s1", "c1", Timestamps.now())),
                read.appendCondition());

        assertThat(positions(store.read(Query.of(QueryItem.ofTags("course:c1", "student:s1")))))
                .containsExactly(appended);
    }

    @Test
    void taggedEventsAreInTheNotificationLogInOrderBesideNothingElse() {
        List<TaggedEvent> appended = List.of(new CourseDefined("c1", 3, Timestamps.now()),
                new StudentSubscribed("s1", "c1", Timestamps.now()), new InvoiceCreated(1, Timestamps.now()));
        long last = store.append(appended);

        List<PositionedEvent> log = events.getAllDomainEvents().toList();
        assertThat(log).extracting(PositionedEvent::event).containsExactlyElementsOf(appended);
        assertThat(log.get(log.size() - 1).storagePosition()).isEqualTo(last);
    }

    @Test
    void refusesAnEmptyAppendAndInvalidTagsNamingThemAndStoresNothing() {
        String tooLong = "t".repeat(256);

        assertThatThrownBy(() -> store.append(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one event");
        assertThatThrownBy(() -> store.append(List.of(labelled("fine"), labelled("")))).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining(Labelled.class.getName())
                .hasMessageContaining("from 1 to 255 characters").hasMessageContaining("nothing was stored");
        assertThatThrownBy(() -> store.append(List.of(labelled(tooLong))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 256");
        assertThat(store.read(Query.all()).events()).isEmpty();
    }

    @Test
    void aUsernameIsTakenOnceUntilItsAccountIsClosed() {
        assertThat(register("alice")).isTrue();
        assertThat(register("alice")).isFalse();
        assertThat(register("bob")).isTrue();
        store.append(List.of(new AccountClosed("alice", Timestamps.now())));
        assertThat(register("alice")).isTrue();

        List<Boolean> racing = race(() -> register("carol"));
        assertThat(racing).containsOnlyOnce(true);
    }

    @Test
    void invoicesAreNumberedWithoutGapsOrDuplicatesUnderConcurrency() {
        List<Integer> numbers = race(this::createInvoice);

        assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, WRITERS).boxed().toList());
        assertThat(store.read(Query.of(QueryItem.ofTypes(InvoiceCreated.class))).events())
                .extracting(stored -> ((InvoiceCreated) stored.event()).number())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, WRITERS).boxed().toList());
    }

    @Test
    void coursesTakeNoMoreStudentsThanTheirCapacityNorStudentsMoreCoursesThanAllowed() {
        CourseSubscriptions subscriptions = new CourseSubscriptions(store);
        store.append(List.of(new CourseDefined("c1", 2, Timestamps.now())));
        for (String course : List.of("c2", "c3", "c4")) {
            store.append(List.of(new CourseDefined(course, 10, Timestamps.now())));
        }

        assertThat(subscriptions.subscribe("s1", "c9")).isEqualTo(Outcome.NO_SUCH_COURSE);
        assertThat(subscriptions.subscribe("s1", "c1")).isEqualTo(Outcome.SUBSCRIBED);
        assertThat(subscriptions.subscribe("s1", "c1")).isEqualTo(Outcome.ALREADY_SUBSCRIBED);
        assertThat(subscriptions.subscribe("s2", "c1")).isEqualTo(Outcome.SUBSCRIBED);
        assertThat(subscriptions.subscribe("s3", "c1")).isEqualTo(Outcome.COURSE_FULL);
        assertThat(subscriptions.subscribe("s1", "c2")).isEqualTo(Outcome.SUBSCRIBED);
        assertThat(subscriptions.subscribe("s1", "c3")).isEqualTo(Outcome.SUBSCRIBED);
        assertThat(subscriptions.subscribe("s1", "c4")).isEqualTo(Outcome.STUDENT_FULL);
    }

    @Test
    void ofWritersRacingForTheLastPlaceOfACourseExactlyOneGetsItEveryRound() {
        CourseSubscriptions subscriptions = new CourseSubscriptions(store);
        for (int round = 0; round < raceRounds(); round++) {
            String course = "course-" + round;
            store.append(List.of(new CourseDefined(course, 3, Timestamps.now())));
            subscriptions.subscribe("early-" + round + "-1", course);
            subscriptions.subscribe("early-" + round + "-2", course);
            int r = round;
            List<String> students = IntStream.range(0, WRITERS).mapToObj(i -> "racer-" + r + "-" + i).toList();

            List<Outcome> outcomes = race(students, student -> subscriptions.subscribe(student, course));

            assertThat(outcomes).as("round %d", round).containsOnlyOnce(Outcome.SUBSCRIBED)
                    .containsOnly(Outcome.SUBSCRIBED, Outcome.COURSE_FULL);
            assertThat(subscribersByReplay().get(course)).as("round %d", round).hasSize(3);
        }
    }

    @Test
    void ofWritersRacingToSubscribeOneStudentToItsLastCourseExactlyOneSucceedsEveryRound() {
        CourseSubscriptions subscriptions = new CourseSubscriptions(store);
        for (int round = 0; round < raceRounds(); round++) {
            String student = "student-" + round;
            List<String> courses = new ArrayList<>();
            for (int i = 0; i < WRITERS + 2; i++) {
                courses.add("course-" + round + "-" + i);
                store.append(List.of(new CourseDefined(courses.get(i), 100, Timestamps.now())));
            }
            subscriptions.subscribe(student, courses.get(WRITERS));
            subscriptions.subscribe(student, courses.get(WRITERS + 1));

            List<Outcome> outcomes = race(courses.subList(0, WRITERS),
                    course -> subscriptions.subscribe(student, course));

            assertThat(outcomes).as("round %d", round).containsOnlyOnce(Outcome.SUBSCRIBED)
                    .containsOnly(Outcome.SUBSCRIBED, Outcome.STUDENT_FULL);
            assertThat(coursesByReplay(student)).as("round %d", round).hasSize(CourseSubscriptions.COURSES_PER_STUDENT);
        }
    }

    private boolean register(String username) {
        DecisionProjection<Boolean> taken = DecisionProjection.initially(false).taggedWith("username:" + username)
                .on(AccountRegistered.class, (state, event) -> true)
                .on(AccountClosed.class, (state, event) -> false);
        while (true) {
            Decision decision = store.decide(taken);
            if (decision.state(taken)) {
                return false;
            }
            try {
                decision.append(new AccountRegistered(username, Timestamps.now()));
                return true;
            } catch (ConcurrencyException e) {
                // registered meanwhile, or could not serialize: decide again
            }
        }
    }

    private int createInvoice() {
        DecisionProjection<Integer> lastNumber = DecisionProjection.initially(0)
                .on(InvoiceCreated.class, (state, event) -> event.number());
        while (true) {
            Decision decision = store.decide(lastNumber);
            int number = decision.state(lastNumber) + 1;
            try {
                decision.append(new InvoiceCreated(number, Timestamps.now()));
                return number;
            } catch (ConcurrencyException e) {
                // another invoice took the number: decide again
            }
        }
    }

    /** The students of each course, from every subscription in the notification log. */
    private Map<String, Set<String>> subscribersByReplay() {
        return events.getAllDomainEvents().map(PositionedEvent::event)
                .filter(StudentSubscribed.class::isInstance).map(StudentSubscribed.class::cast)
                .collect(Collectors.groupingBy(StudentSubscribed::courseId,
                        Collectors.mapping(StudentSubscribed::studentId, Collectors.toSet())));
    }

    private List<String> coursesByReplay(String student) {
        return events.getAllDomainEvents().map(PositionedEvent::event)
                .filter(StudentSubscribed.class::isInstance).map(StudentSubscribed.class::cast)
                .filter(subscribed -> subscribed.studentId().equals(student)).map(StudentSubscribed::courseId)
                .toList();
    }

    private <T> List<T> race(Supplier<T> attempt) {
        return race(IntStream.range(0, WRITERS).boxed().toList(), writer -> attempt.get());
    }

    /** Runs the attempt for each input on a writer of its own, all released at once; their results. */
    private <I, T> List<T> race(List<I> inputs, Function<I, T> attempt) {
        return Race.of(inputs, attempt, writers);
    }

    private long lastLogPosition() {
        return events.getActiveRecordStrategy().getLastStoredItem().orElseThrow().storagePosition();
    }

    private static List<Long> positions(QueryResult result) {
        return result.events().stream().map(StoredTaggedEvent::position).toList();
    }

    private static Labelled labelled(String... tags) {
        return new Labelled(Set.of(tags), Timestamps.now());
    }
}
