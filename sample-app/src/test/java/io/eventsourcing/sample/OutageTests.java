package io.eventsourcing.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.sample.domain.Example;
import io.eventsourcing.testing.ConnectionDetails;
import io.eventsourcing.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL goes down, longer than the pool waits for a connection, while writers and a reader of the list of
 * examples run: every request is answered fast (503 with Retry-After while the database is down), the application
 * recovers by itself when it is back, and no acknowledged write is lost.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OutageTests {

    private static final Duration OUTAGE = Duration.ofSeconds(8);
    private static final Duration POOL_TIMEOUT = Duration.ofSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ConnectionDetails DATABASE = TestDatabase.POSTGRESQL.newConnectionDetails();
    private static final TcpProxy PROXY = proxy();

    @LocalServerPort
    private int port;

    @Autowired
    private EventSourcedRepository<Example> examples;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final Map<UUID, String> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong acknowledgedWrites = new AtomicLong();
    private final List<String> unexpected = new CopyOnWriteArrayList<>();
    private volatile long outageStart = Long.MAX_VALUE;
    private volatile long outageEnd = Long.MAX_VALUE;

    /** One answer: when it was asked, how long it took, its status and Retry-After. */
    private record Answer(long askedAt, long millis, int status, String retryAfter) {
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Matcher port = Pattern.compile("localhost:(\\d+)/").matcher(DATABASE.url());
        registry.add("spring.datasource.url", () -> port.replaceFirst("localhost:" + PROXY.port() + "/"));
        registry.add("spring.datasource.username", DATABASE::username);
        registry.add("spring.datasource.password", DATABASE::password);
    }

    @AfterAll
    static void closeProxy() throws IOException {
        PROXY.close();
    }

    @Test
    void anOutageGetsFast503sAndTheApplicationRecoversLosingNothing() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(5);
        List<Future<?>> running = new ArrayList<>();
        long end = System.currentTimeMillis() + 2_000 + OUTAGE.toMillis() + 5_000;
        for (int writer = 0; writer < 4; writer++) {
            running.add(writers.submit(() -> write(end)));
        }
        running.add(writers.submit(() -> read(end)));
        Thread.sleep(2_000);
        outageStart = System.currentTimeMillis();
        PROXY.cut();
        Thread.sleep(OUTAGE.toMillis());
        PROXY.restore();
        outageEnd = System.currentTimeMillis();
        for (Future<?> writer : running) {
            writer.get();
        }
        writers.shutdown();

        List<Answer> duringOutage = answers.stream()
                .filter(answer -> answer.askedAt() >= outageStart + 500 && answer.askedAt() < outageEnd).toList();
        List<Answer> afterwards = answers.stream().filter(answer -> answer.askedAt() > outageEnd + 2_000).toList();
        long slowest = answers.stream().mapToLong(Answer::millis).max().orElseThrow();
        System.out.printf("Outage test: PostgreSQL down %d s (pool timeout %d s); %d answers while down, all 503"
                        + " with Retry-After; slowest answer %d ms; %d acknowledged writes, %d lost%n",
                OUTAGE.toSeconds(), POOL_TIMEOUT.toSeconds(), duringOutage.size(), slowest, acknowledgedWrites.get(),
                lost());

        assertThat(unexpected).isEmpty();
        assertThat(answers).extracting(Answer::status).allMatch(status -> List.of(200, 201, 409, 503).contains(status));
        assertThat(duringOutage).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.retryAfter()).isEqualTo("5");
        });
        assertThat(slowest).isLessThan(POOL_TIMEOUT.toMillis() + 3_000);
        assertThat(afterwards).isNotEmpty().allSatisfy(answer -> assertThat(answer.status()).isIn(200, 201, 409));
        assertThat(lost()).isZero();
    }

    /**
     * Creates an example, then changes it, over and over; a 503 is asked again. A 503 leaves the outcome unknown: the
     * connection may have been cut after the commit, before its answer. So a 409 that follows one is a change that
     * did land: the writer reads the example's version, as a client would, and goes on. Any other 409 is a fault.
     */
    private void write(long end) {
        UUID id = null;
        long version = 0;
        boolean uncertain = false;
        for (int change = 0; System.currentTimeMillis() < end; change++) {
            String foo = "change " + change;
            HttpResponse<String> response = id == null ? send("POST", "/examples", Map.of("foo", foo))
                    : send("PUT", "/examples/" + id, Map.of("foo", foo, "version", version));
            if (response.statusCode() / 100 == 2) {
                Map<?, ?> example = JSON.readValue(response.body(), Map.class);
                id = UUID.fromString((String) example.get("id"));
                version = ((Number) example.get("version")).longValue();
                acknowledged.put(id, foo);
                acknowledgedWrites.incrementAndGet();
                uncertain = false;
            } else if (response.statusCode() == 503) {
                uncertain = true;
            } else if (response.statusCode() == 409 && uncertain) {
                HttpResponse<String> current = send(request("/examples/" + id).GET().build());
                if (current.statusCode() == 200) {
                    version = ((Number) JSON.readValue(current.body(), Map.class).get("version")).longValue();
                    uncertain = false;
                }
            } else {
                unexpected.add(response.statusCode() + " " + response.body());
            }
        }
    }

    /** Reads the newest page of the list of examples, over and over. */
    private void read(long end) {
        while (System.currentTimeMillis() < end) {
            send(request("/examples?limit=10").GET().build());
        }
    }

    private HttpResponse<String> send(String method, String path, Map<String, Object> body) {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
    }

    private HttpResponse<String> send(HttpRequest request) {
        long askedAt = System.currentTimeMillis();
        try {
            HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
            answers.add(new Answer(askedAt, System.currentTimeMillis() - askedAt, response.statusCode(),
                    response.headers().firstValue("Retry-After").orElse("")));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The acknowledged writes whose example does not hold the acknowledged foo, or a later one. */
    private long lost() {
        return acknowledged.entrySet().stream()
                .filter(write -> examples.findById(write.getKey()).map(Example::getFoo)
                        .filter(foo -> changeNumber(foo) >= changeNumber(write.getValue())).isEmpty())
                .count();
    }

    private static int changeNumber(String foo) {
        return Integer.parseInt(foo.substring("change ".length()));
    }

    private static TcpProxy proxy() {
        Matcher port = Pattern.compile("localhost:(\\d+)/").matcher(DATABASE.url());
        if (!port.find()) {
            throw new IllegalStateException("No port in " + DATABASE.url());
        }
        try {
            return new TcpProxy(Integer.parseInt(port.group(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
