package io.eventsourcing.sample;

import static io.eventsourcing.sample.SampleApi.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import io.eventsourcing.dcb.DcbEventStore;
import io.eventsourcing.dcb.Query;
import io.eventsourcing.sample.web.CourseResponse;
import io.eventsourcing.sample.web.StudentResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * {@code /courses} and {@code /students}: course subscriptions decided with dynamic consistency boundaries, their
 * status codes, and concurrent requests for a course's last place or a student's last course, of which exactly one
 * succeeds and the others are refused as they would be one after the other. A thin subclass names the database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@DirtiesContext
abstract class CourseSubscriptionsTests {

    /** How many requests race for one place. */
    private static final int RACERS = 16;
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() { };

    @Autowired
    private RestTestClient http;

    @Autowired
    private DcbEventStore store;

    private SampleApi api;

    @BeforeEach
    void setUpApi() {
        api = new SampleApi(http);
    }

    // --- courses and students -------------------------------------------------------------------------------

    @Test
    void aCourseIsDefinedWithItsCapacityAndServedAtItsLocation() {
        EntityExchangeResult<CourseResponse> created = http.post().uri("/courses").contentType(APPLICATION_JSON)
                .body("{\"capacity\":30}").exchange().expectStatus().isCreated()
                .expectBody(CourseResponse.class).returnResult();
        CourseResponse course = created.getResponseBody();
        String location = created.getResponseHeaders().getFirst("Location");

        assertThat(course.capacity()).isEqualTo(30);
        assertThat(location).matches("http://localhost:\\d+/courses/" + course.id());
        http.get().uri(location).exchange().expectStatus().isOk()
                .expectBody(CourseResponse.class).isEqualTo(new CourseResponse(course.id(), 30, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"capacity\":0}", "{\"capacity\":-1}", "{\"capacity\":10001}",
            "{\"capacity\":\"3\"}", "{\"capacity\":1.5}", "{\"capacity\":null}", "{\"capacity\":10000000000}"})
    void aCapacityThatIsNotAWholeNumberFrom1To10000Is400NamingItAndStoresNothing(String body) {
        int before = storedEvents();

        expectProblem(http.post().uri("/courses").contentType(APPLICATION_JSON).body(body).exchange(), 400)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("capacity")
                        .doesNotContain("java", "Exception", "Integer"))
                .jsonPath("$.trace").doesNotExist();
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aStudentIsRegisteredWithAnEmptyBodyOrNoneAndServedAtItsLocation() {
        List<RestTestClient.ResponseSpec> registrations = List.of(http.post().uri("/students").exchange(),
                http.post().uri("/students").contentType(APPLICATION_JSON).body("{}").exchange(),
                http.post().uri("/students").contentType(APPLICATION_JSON).exchange());

        for (RestTestClient.ResponseSpec registration : registrations) {
            EntityExchangeResult<StudentResponse> created = registration.expectStatus().isCreated()
                    .expectBody(StudentResponse.class).returnResult();
            UUID id = created.getResponseBody().id();
            String location = created.getResponseHeaders().getFirst("Location");
            assertThat(location).matches("http://localhost:\\d+/students/" + id);
            http.get().uri(location).exchange().expectStatus().isOk()
                    .expectBody(StudentResponse.class).isEqualTo(new StudentResponse(id, List.of()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"Ada\"}", "[]", "{", "\"student\""})
    void aStudentWithAnyOtherBodyIs400AndStoresNothing(String body) {
        int before = storedEvents();

        expectProblem(http.post().uri("/students").contentType(APPLICATION_JSON).body(body).exchange(), 400)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).doesNotContain("java"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    // --- subscriptions --------------------------------------------------------------------------------------

    @Test
    void aSubscriptionIs201AndTakesAPlaceOfTheCourseAndOneOfTheStudentsCourses() {
        UUID course = api.createCourse(2).id();
        UUID student = api.registerStudent().id();

        api.subscribe(course, student).expectStatus().isCreated().expectBody()
                .jsonPath("$.courseId").isEqualTo(course.toString())
                .jsonPath("$.studentId").isEqualTo(student.toString());

        assertThat(course(course)).isEqualTo(new CourseResponse(course, 2, 1));
        assertThat(student(student)).isEqualTo(new StudentResponse(student, List.of(course)));
    }

    @Test
    void aSubscriptionToAFullCourseIs409CourseFull() {
        UUID course = api.createCourse(1).id();
        api.subscribe(course, api.registerStudent().id()).expectStatus().isCreated();
        UUID late = api.registerStudent().id();

        expectRefused(api.subscribe(course, late), "COURSE_FULL")
                .jsonPath("$.detail").isEqualTo("Course " + course + " is full: all of its places (1) are taken");

        assertThat(course(course).subscribers()).isEqualTo(1);
        assertThat(student(late).courses()).isEmpty();
    }

    @Test
    void aFourthCourseIs409StudentFull() {
        UUID student = api.registerStudent().id();
        List<UUID> courses = Stream.generate(() -> api.createCourse(5).id()).limit(4).toList();
        courses.subList(0, 3).forEach(course -> api.subscribe(course, student).expectStatus().isCreated());

        expectRefused(api.subscribe(courses.get(3), student), "STUDENT_FULL")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("3 courses"));

        assertThat(student(student).courses()).isEqualTo(courses.subList(0, 3));
        assertThat(course(courses.get(3)).subscribers()).isZero();
    }

    @Test
    void subscribingAgainIs409AlreadySubscribedEvenWhenTheCourseIsFull() {
        UUID course = api.createCourse(1).id();
        UUID student = api.registerStudent().id();
        api.subscribe(course, student).expectStatus().isCreated();

        expectRefused(api.subscribe(course, student), "ALREADY_SUBSCRIBED");

        assertThat(student(student).courses()).containsExactly(course);
    }

    @Test
    void anUnknownCourseOrStudentIs404AndStoresNothing() {
        UUID course = api.createCourse(3).id();
        UUID student = api.registerStudent().id();
        UUID unknown = UUID.randomUUID();
        int before = storedEvents();

        expectProblem(api.subscribe(unknown, student), 404).jsonPath("$.detail").isEqualTo("No course " + unknown);
        expectProblem(api.subscribe(course, unknown), 404).jsonPath("$.detail").isEqualTo("No student " + unknown);
        expectProblem(api.subscribe(student, course), 404).jsonPath("$.detail").isEqualTo("No course " + student);
        expectProblem(http.get().uri("/courses/{id}", unknown).exchange(), 404);
        expectProblem(http.get().uri("/students/{id}", course).exchange(), 404);

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aMalformedCourseIdOrSubscriptionBodyIs400() {
        UUID course = api.createCourse(3).id();
        UUID student = api.registerStudent().id();
        int before = storedEvents();

        expectProblem(api.subscribe("not-a-uuid", student), 400)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("'id'"));
        for (String body : List.of("{}", "{\"studentId\":null}", "{\"studentId\":\"s7\"}", "{\"studentId\":7}",
                "{\"studentId\":\"" + student + "\",\"courseId\":\"" + course + "\"}", "{\"studentId\":")) {
            expectProblem(http.post().uri("/courses/{id}/subscriptions", course).contentType(APPLICATION_JSON)
                    .body(body).exchange(), 400)
                    .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).doesNotContain("java"));
        }
        expectProblem(http.post().uri("/courses/{id}/subscriptions", course).contentType(APPLICATION_JSON)
                .exchange(), 400).jsonPath("$.detail").isEqualTo("Required request body is missing");

        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/plain"})
    void anUnacceptableAcceptHeaderIs406BeforeAnythingIsStored(String accept) {
        UUID course = api.createCourse(3).id();
        UUID student = api.registerStudent().id();
        MediaType unacceptable = MediaType.parseMediaType(accept);
        int before = storedEvents();

        http.post().uri("/courses").contentType(APPLICATION_JSON).accept(unacceptable).body("{\"capacity\":3}")
                .exchange().expectStatus().isEqualTo(406);
        http.post().uri("/students").accept(unacceptable).exchange().expectStatus().isEqualTo(406);
        http.post().uri("/courses/{id}/subscriptions", course).contentType(APPLICATION_JSON).accept(unacceptable)
                .body(Map.of("studentId", student)).exchange().expectStatus().isEqualTo(406);

        assertThat(storedEvents()).isEqualTo(before);
        assertThat(student(student).courses()).isEmpty();
    }

    // --- races ----------------------------------------------------------------------------------------------

    @RepeatedTest(2)
    void studentsRacingForACoursesLastPlaceGetOne201AndOnly409CourseFull() throws Exception {
        UUID course = api.createCourse(2).id();
        api.subscribe(course, api.registerStudent().id()).expectStatus().isCreated();
        List<UUID> students = Stream.generate(() -> api.registerStudent().id()).limit(RACERS).toList();

        List<EntityExchangeResult<Map<String, Object>>> answers = race(students,
                student -> api.subscribe(course, student));

        assertOne201AndTheOthersRefused(answers, "COURSE_FULL");
        assertThat(course(course).subscribers()).isEqualTo(2);
        assertThat(students).filteredOn(student -> !student(student).courses().isEmpty())
                .containsExactly(UUID.fromString((String) created(answers).getResponseBody().get("studentId")));
    }

    @RepeatedTest(2)
    void coursesRacingForAStudentsLastCourseGetOne201AndOnly409StudentFull() throws Exception {
        UUID student = api.registerStudent().id();
        for (int i = 0; i < 2; i++) {
            api.subscribe(api.createCourse(1).id(), student).expectStatus().isCreated();
        }
        List<UUID> courses = Stream.generate(() -> api.createCourse(1).id()).limit(RACERS).toList();

        List<EntityExchangeResult<Map<String, Object>>> answers = race(courses,
                course -> api.subscribe(course, student));

        assertOne201AndTheOthersRefused(answers, "STUDENT_FULL");
        UUID won = UUID.fromString((String) created(answers).getResponseBody().get("courseId"));
        assertThat(student(student).courses()).hasSize(3).endsWith(won);
        assertThat(courses).filteredOn(course -> course(course).subscribers() > 0).containsExactly(won);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** Sends a request for each id at the same moment, and gives the answers in the order of the ids. */
    private static List<EntityExchangeResult<Map<String, Object>>> race(List<UUID> ids,
            Function<UUID, RestTestClient.ResponseSpec> request) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(ids.size());
        try {
            List<Future<EntityExchangeResult<Map<String, Object>>>> answers = new ArrayList<>();
            for (UUID id : ids) {
                answers.add(threads.submit(() -> {
                    go.await();
                    return request.apply(id).expectBody(JSON_OBJECT).returnResult();
                }));
            }
            go.countDown();
            List<EntityExchangeResult<Map<String, Object>>> results = new ArrayList<>();
            for (Future<EntityExchangeResult<Map<String, Object>>> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void assertOne201AndTheOthersRefused(List<EntityExchangeResult<Map<String, Object>>> answers,
                                                        String reason) {
        assertThat(answers).extracting(answer -> answer.getStatus().value())
                .containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.getStatus().value() == 409)
                .extracting(answer -> answer.getResponseBody().get("reason")).hasSize(RACERS - 1).containsOnly(reason);
    }

    private static EntityExchangeResult<Map<String, Object>> created(
            List<EntityExchangeResult<Map<String, Object>>> answers) {
        return answers.stream().filter(answer -> answer.getStatus().value() == 201).findFirst().orElseThrow();
    }

    private static RestTestClient.BodyContentSpec expectRefused(RestTestClient.ResponseSpec response, String reason) {
        return expectProblem(response, 409)
                .jsonPath("$.title").isEqualTo("Subscription refused")
                .jsonPath("$.reason").isEqualTo(reason);
    }

    private CourseResponse course(UUID id) {
        return http.get().uri("/courses/{id}", id).exchange().expectStatus().isOk()
                .expectBody(CourseResponse.class).returnResult().getResponseBody();
    }

    private StudentResponse student(UUID id) {
        return http.get().uri("/students/{id}", id).exchange().expectStatus().isOk()
                .expectBody(StudentResponse.class).returnResult().getResponseBody();
    }

    private int storedEvents() {
        return store.read(Query.all()).events().size();
    }
}
