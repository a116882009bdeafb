package io.eventsourcing.sample;

import static org.springframework.http.MediaType.APPLICATION_JSON;
import static org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON;

import io.eventsourcing.sample.application.LiveExample;
import io.eventsourcing.sample.web.AggregateResponse;
import io.eventsourcing.sample.web.CourseResponse;
import io.eventsourcing.sample.web.ExampleResponse;
import io.eventsourcing.sample.web.StudentResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The sample's HTTP API as tests call it. */
record SampleApi(RestTestClient http) {

    ExampleResponse createExample(String foo) {
        return http.post().uri("/examples").contentType(APPLICATION_JSON).body(Map.of("foo", foo)).exchange()
                .expectStatus().isCreated().expectBody(ExampleResponse.class).returnResult().getResponseBody();
    }

    ExampleResponse getExample(UUID id) {
        return http.get().uri("/examples/{id}", id).exchange()
                .expectStatus().isOk().expectBody(ExampleResponse.class).returnResult().getResponseBody();
    }

    RestTestClient.ResponseSpec change(UUID id, Map<String, ?> body) {
        return http.put().uri("/examples/{id}", id).contentType(APPLICATION_JSON).body(body).exchange();
    }

    void discard(UUID id) {
        http.delete().uri("/examples/{id}", id).exchange().expectStatus().isNoContent();
    }

    /** {@code GET /examples/{id}/events}: each event as its JSON object. */
    List<Map<String, Object>> events(UUID id) {
        return http.get().uri("/examples/{id}/events", id).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
    }

    /** {@code GET /examples} with a query such as {@code "?limit=3"}, or {@code ""}. */
    List<LiveExample> listExamples(String query) {
        return http.get().uri("/examples" + query).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<LiveExample>>() { }).returnResult().getResponseBody();
    }

    AggregateResponse createAggregate() {
        return http.post().uri("/aggregates").exchange()
                .expectStatus().isCreated().expectBody(AggregateResponse.class).returnResult().getResponseBody();
    }

    RestTestClient.ResponseSpec createEntities(Object id, String body) {
        return http.post().uri("/aggregates/{id}/entities", id).contentType(APPLICATION_JSON).body(body).exchange();
    }

    CourseResponse createCourse(int capacity) {
        return http.post().uri("/courses").contentType(APPLICATION_JSON).body(Map.of("capacity", capacity)).exchange()
                .expectStatus().isCreated().expectBody(CourseResponse.class).returnResult().getResponseBody();
    }

    StudentResponse registerStudent() {
        return http.post().uri("/students").exchange()
                .expectStatus().isCreated().expectBody(StudentResponse.class).returnResult().getResponseBody();
    }

    RestTestClient.ResponseSpec subscribe(Object courseId, Object studentId) {
        return http.post().uri("/courses/{id}/subscriptions", courseId).contentType(APPLICATION_JSON)
                .body(Map.of("studentId", studentId)).exchange();
    }

    /** Checks a response is an RFC 9457 problem detail of the status, and returns its body for more checks. */
    static RestTestClient.BodyContentSpec expectProblem(RestTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty();
    }
}
