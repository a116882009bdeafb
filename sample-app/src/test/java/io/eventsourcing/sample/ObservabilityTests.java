package io.eventsourcing.sample;

import static io.eventsourcing.sample.SampleApi.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventsourcing.sample.domain.Example;
import io.eventsourcing.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * What the sample shows of its store over HTTP: Actuator's health, metrics, {@code eventsourcing} and
 * {@code datasubjects} endpoints, and the event browser's JSON, which answers bad requests with problem details that
 * reveal nothing of the server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@DirtiesContext
class ObservabilityTests {

    private static final String EXAMPLE = "store:sequenced_items,entity.type:" + Example.class.getSimpleName();

    @Autowired
    private RestTestClient http;

    private SampleApi api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ApiContractTest.useDatabase(TestDatabase.H2, registry);
    }

    @BeforeEach
    void setUpApi() {
        api = new SampleApi(http);
    }

    @Test
    void healthShowsTheStoreAndTheProjectionsUp() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.eventsourcing.status").isEqualTo("UP")
                .jsonPath("$.components.projections.status").isEqualTo("UP")
                .jsonPath("$.components.eventsourcing.details").doesNotExist();
    }

    @Test
    void metricsMeasureAppendsAndLoadsOfEachEntityType() {
        UUID id = api.createExample("measured").id();
        api.change(id, Map.of("foo", "measured again")).expectStatus().isOk();

        http.get().uri("/actuator/metrics").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.names").value(names -> assertThat(names.toString()).contains("eventsourcing.append",
                        "eventsourcing.append.events", "eventsourcing.append.conflicts", "eventsourcing.load",
                        "eventsourcing.load.events", "eventsourcing.snapshot.hits",
                        "eventsourcing.projection.lag.events", "eventsourcing.projection.lag.seconds",
                        "eventsourcing.projection.errors"));
        http.get().uri("/actuator/metrics/eventsourcing.append?tag=" + EXAMPLE).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.measurements[?(@.statistic == 'COUNT')].value").value(List.class, count ->
                        assertThat(((Number) count.get(0)).doubleValue()).isGreaterThanOrEqualTo(2));
        http.get().uri("/actuator/metrics/eventsourcing.load?tag=" + EXAMPLE).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> http.get()
                .uri("/actuator/metrics/eventsourcing.projection.lag.events?tag=projection:live-examples")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.measurements[0].value").isEqualTo(0.0));
    }

    @Test
    void theEventsourcingEndpointShowsTheStoreItsEventsAndProjections() {
        api.createExample("counted");

        http.get().uri("/actuator/eventsourcing").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.store.kind").isEqualTo("jdbc")
                .jsonPath("$.store.table").isEqualTo("sequenced_items")
                .jsonPath("$.store.schema").isEqualTo("PUBLIC")
                .jsonPath("$.events.count").value(Integer.class, count -> assertThat(count).isPositive())
                .jsonPath("$.cipher.enabled").isEqualTo(true)
                .jsonPath("$.cipher.alwaysEncrypt").isEqualTo(false)
                .jsonPath("$.snapshots.enabled").isEqualTo(true)
                .jsonPath("$.projections[0].name").isEqualTo("live-examples");
    }

    @Test
    void theDatasubjectsEndpointRewrapsTheKeysAndForgetsASubject() {
        UUID id = api.createExample("forgotten by an operator").id();

        http.post().uri("/actuator/datasubjects").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.rewrapped").value(Integer.class, rewrapped -> assertThat(rewrapped).isPositive());
        http.delete().uri("/actuator/datasubjects/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.subjectId").isEqualTo(id.toString())
                .jsonPath("$.forgottenAt").isNotEmpty();

        expectProblem(http.get().uri("/examples/{id}", id).exchange(), 410);
    }

    @Test
    void theBrowserListsASequencesEventsInOrderAndPagesThem() {
        UUID id = api.createExample("first").id();
        api.change(id, Map.of("foo", "second")).expectStatus().isOk();
        api.change(id, Map.of("foo", "third")).expectStatus().isOk();

        http.get().uri("/eventsourcing/api/sequences/{id}?limit=2", id).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.events.length()").isEqualTo(2)
                .jsonPath("$.events[0].position").isEqualTo(0)
                .jsonPath("$.events[0].type").isEqualTo(Example.Created.class.getName())
                .jsonPath("$.events[0].data.foo").isEqualTo("first")
                .jsonPath("$.events[0].timestamp").isNotEmpty()
                .jsonPath("$.events[1].data.foo").isEqualTo("second")
                .jsonPath("$.next").isEqualTo(1);
        http.get().uri("/eventsourcing/api/sequences/{id}?limit=2&after=1", id).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.events.length()").isEqualTo(1)
                .jsonPath("$.events[0].position").isEqualTo(2)
                .jsonPath("$.events[0].data.foo").isEqualTo("third")
                .jsonPath("$.next").doesNotExist();
        http.get().uri("/eventsourcing/api/sequences/{id}", UUID.randomUUID()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.events.length()").isEqualTo(0);
    }

    @Test
    void theBrowserFollowsTheNotificationLogFromItsEnd() {
        UUID id = api.createExample("logged").id();

        AtomicLong next = new AtomicLong();
        http.get().uri("/eventsourcing/api/log?limit=1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.events.length()").isEqualTo(1)
                .jsonPath("$.events[0].sequenceId").isEqualTo(id.toString())
                .jsonPath("$.events[0].data.foo").isEqualTo("logged")
                .jsonPath("$.next").value(Long.class, next::set);
        UUID later = api.createExample("logged later").id();
        http.get().uri("/eventsourcing/api/log?after={next}", next.get()).exchange().expectBody()
                .jsonPath("$.events.length()").isEqualTo(1)
                .jsonPath("$.events[0].sequenceId").isEqualTo(later.toString())
                .jsonPath("$.events[0].data.foo").isEqualTo("logged later");
        http.get().uri("/eventsourcing/api/projections").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].name").isEqualTo("live-examples")
                .jsonPath("$[0].state").isEqualTo("RUNNING");
    }

    @Test
    void theBrowserServesItsPageAndScript() {
        http.get().uri("/eventsourcing").exchange().expectStatus().isFound()
                .expectHeader().value("Location", location -> assertThat(location).endsWith("/eventsourcing/"));
        http.get().uri("/eventsourcing/").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Content-Security-Policy",
                        "default-src 'self'; style-src 'self'; frame-ancestors 'none'")
                .expectBody(String.class).value(page -> assertThat(page).contains("<title>Event browser</title>"));
        http.get().uri("/eventsourcing/event-browser.js").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/sequences/not-a-uuid", "/api/sequences/1-1-1-1-1",
            "/api/sequences/00000000-0000-0000-0000-000000000000?limit=0", "/api/log?limit=101",
            "/api/log?limit=abc", "/api/log?after=-1", "/api/log?after=1e3", "/api/log?after=99999999999999999999"})
    void badParametersAre400NamingTheParameterAndNothingElse(String query) {
        expectProblem(http.get().uri("/eventsourcing" + query).exchange(), 400)
                .jsonPath("$.title").isEqualTo("Invalid request parameter")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).matches("(id|limit|after): .*")
                        .doesNotContain("java", "Exception", "Long", "UUID.", "SQL"))
                .jsonPath("$.trace").doesNotExist();
    }
}
