package io.eventsourcing.sample;

import io.eventsourcing.sample.web.AggregateResponse;
import io.eventsourcing.sample.web.ExampleResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample application's HTTP API, as the crash test calls it. A write answered other than 2xx fails the test;
 * a request that gets no answer at all, the application being gone, throws {@link NoAnswerException}. No write
 * reaches the application twice: the JDK client resends a POST or PUT only when it could not connect.
 */
final class SampleAppClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    SampleAppClient(int port) {
        this.base = URI.create("http://localhost:" + port);
    }

    ExampleResponse createExample(String foo) {
        return acknowledged(write("POST", "/examples", Map.of("foo", foo)), ExampleResponse.class);
    }

    ExampleResponse changeExample(UUID id, String foo, long expectedVersion) {
        return acknowledged(write("PUT", "/examples/" + id, Map.of("foo", foo, "version", expectedVersion)),
                ExampleResponse.class);
    }

    AggregateResponse createAggregate() {
        return acknowledged(request("/aggregates").POST(BodyPublishers.noBody()), AggregateResponse.class);
    }

    AggregateResponse createEntities(UUID aggregateId, int count) {
        return acknowledged(write("POST", "/aggregates/" + aggregateId + "/entities", Map.of("count", count)),
                AggregateResponse.class);
    }

    /** The version at which the application serves an entity; 0 if it answers 404, having none of its events. */
    long servedVersion(Write.Kind kind, UUID id) {
        HttpResponse<String> response = send(request(kind.pathOf(id)).GET());
        return response.statusCode() == 404 ? 0 : JSON.readTree(body(response)).path("version").asLong();
    }

    /** Whether the application answers HTTP yet: a GET of an example that does not exist gets its 404. */
    boolean answers() {
        try {
            return send(request("/examples/" + UUID.randomUUID()).GET()).statusCode() == 404;
        } catch (NoAnswerException e) {
            return false;
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private HttpRequest.Builder write(String method, String path, Map<String, Object> body) {
        return request(path).header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private <T> T acknowledged(HttpRequest.Builder request, Class<T> type) {
        return JSON.readValue(body(send(request)), type);
    }

    private static String body(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return http.send(built, BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NoAnswerException(built, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + built, e);
        }
    }

    /** A request got no answer: the application is gone, and may or may not have done what it asked. */
    static final class NoAnswerException extends RuntimeException {

        NoAnswerException(HttpRequest request, IOException cause) {
            super(request.method() + " " + request.uri() + " got no answer", cause);
        }
    }
}
