package io.eventsourcing.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import io.eventsourcing.domain.PersonalDataForgotten;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.sample.application.LiveExample;
import io.eventsourcing.sample.domain.Example;
import io.eventsourcing.sample.domain.ExampleAggregate;
import io.eventsourcing.sample.web.AggregateResponse;
import io.eventsourcing.sample.web.ExampleResponse;
import io.eventsourcing.testing.ConnectionDetails;
import io.eventsourcing.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The HTTP API's contract, status codes included, run through a real server on each database by a thin
 * subclass that names the database; erasing an example's personal data included, down to every table the
 * database has.
 * <p>
 * Each subclass has its own application context, closed after its tests ({@link DirtiesContext}), so that
 * one context at a time holds database connections and a web server.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({RacedRepositories.class, JdbcStoredText.class, CassandraStoredText.class})
@AutoConfigureRestTestClient
@DirtiesContext
abstract class ApiContractTest {

    @Autowired
    private RestTestClient http;

    private SampleApi api;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private RacedRepository<Example> examples;

    @Autowired
    private RacedRepository<ExampleAggregate> aggregates;

    @Autowired
    private StoredText storedText;

    @BeforeEach
    void setUpApi() {
        api = new SampleApi(http);
    }

    /**
     * Waits until the list of examples shows the kept example as it is, and no longer the erased one: its read model
     * has handled the erasure. Cassandra serves no list.
     */
    void awaitListedWithout(UUID erased, ExampleResponse kept) {
        LiveExample listed = new LiveExample(kept.id(), kept.foo(), kept.version());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.listExamples("?limit=1000"))
                .contains(listed).noneMatch(example -> example.id().equals(erased)));
    }

    /** Points the application at a new, empty database of the engine. */
    static void useDatabase(TestDatabase database, DynamicPropertyRegistry registry) {
        ConnectionDetails details = database.newConnectionDetails();
        registry.add("spring.datasource.url", details::url);
        registry.add("spring.datasource.username", details::username);
        registry.add("spring.datasource.password", details::password);
    }

    // --- examples -------------------------------------------------------------------------------------------

    @Test
    void postCreatesAnExampleAtVersionOne() {
        http.post().uri("/examples").contentType(APPLICATION_JSON).body("{\"foo\":\"bar1\"}").exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location)
                        .matches("http://localhost:\\d+/examples/[0-9a-f-]{36}"))
                .expectBody()
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.foo").isEqualTo("bar1");
    }

    @Test
    void locationOfACreatedExampleServesIt() {
        String location = http.post().uri("/examples").contentType(APPLICATION_JSON).body(Map.of("foo", "bar1"))
                .exchange().expectStatus().isCreated().returnResult().getResponseHeaders().getFirst("Location");

        ExampleResponse example = http.get().uri(location).exchange()
                .expectStatus().isOk().expectBody(ExampleResponse.class).returnResult().getResponseBody();

        assertThat(location).endsWith("/examples/" + example.id());
        assertThat(example).isEqualTo(new ExampleResponse(example.id(), 1, "bar1"));
    }

    @Test
    void getOfAnExampleThatNeverExistedIs404() {
        SampleApi.expectProblem(http.get().uri("/examples/{id}", UUID.randomUUID()).exchange(), 404);
    }

    @Test
    void putChangesFooAndAddsAVersion() {
        UUID id = api.createExample("bar1").id();

        api.change(id, Map.of("foo", "bar2")).expectStatus().isOk()
                .expectBody(ExampleResponse.class).isEqualTo(new ExampleResponse(id, 2, "bar2"));

        assertThat(api.getExample(id)).isEqualTo(new ExampleResponse(id, 2, "bar2"));
    }

    @Test
    void putWithTheCurrentVersionApplies() {
        UUID id = api.createExample("bar1").id();

        api.change(id, Map.of("foo", "bar2", "version", 1)).expectStatus().isOk()
                .expectBody(ExampleResponse.class).isEqualTo(new ExampleResponse(id, 2, "bar2"));
        api.change(id, Map.of("foo", "bar3", "version", 2)).expectStatus().isOk()
                .expectBody(ExampleResponse.class).isEqualTo(new ExampleResponse(id, 3, "bar3"));
    }

    @Test
    void putWithAStaleVersionIs409AndChangesNothing() {
        UUID id = api.createExample("bar1").id();
        api.change(id, Map.of("foo", "bar2")).expectStatus().isOk();

        SampleApi.expectProblem(api.change(id, Map.of("foo", "stale", "version", 1)), 409)
                .jsonPath("$.expectedVersion").isEqualTo(1)
                .jsonPath("$.actualVersion").isEqualTo(2);

        assertThat(api.getExample(id)).isEqualTo(new ExampleResponse(id, 2, "bar2"));
    }

    @Test
    void putThatLosesARaceAtTheStoreIs409AndStoresNothing() {
        UUID id = api.createExample("bar1").id();
        examples.preempt(id, ours -> new Example.FooChanged(id, ours.originatorVersion(), Timestamps.now(), "rival"));

        SampleApi.expectProblem(api.change(id, Map.of("foo", "ours", "version", 1)), 409);

        assertThat(api.getExample(id)).isEqualTo(new ExampleResponse(id, 2, "rival"));
    }

    @Test
    void concurrentPutsAreEachStoredOrRejectedWith409() throws Exception {
        UUID id = api.createExample("start").id();
        int writers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                Map<String, String> body = Map.of("foo", "writer " + i);
                statuses.add(threads.submit(() -> {
                    go.await();
                    return api.change(id, body).returnResult().getStatus().value();
                }));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get(60, TimeUnit.SECONDS));
            }

            assertThat(codes).allMatch(code -> code == 200 || code == 409, "200 or 409");
            long stored = codes.stream().filter(code -> code == 200).count();
            assertThat(stored).isPositive();
            assertThat(api.getExample(id).version()).isEqualTo(1 + stored);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void deleteIs204AndThenTheExampleIsGone() {
        UUID id = api.createExample("bar1").id();

        http.delete().uri("/examples/{id}", id).exchange().expectStatus().isNoContent().expectBody().isEmpty();

        SampleApi.expectProblem(http.get().uri("/examples/{id}", id).exchange(), 404);
        SampleApi.expectProblem(api.change(id, Map.of("foo", "bar2")), 404);
        SampleApi.expectProblem(http.delete().uri("/examples/{id}", id).exchange(), 404);
    }

    @Test
    void putOrDeleteOfAnExampleThatNeverExistedIs404() {
        UUID id = UUID.randomUUID();

        SampleApi.expectProblem(api.change(id, Map.of("foo", "bar2")), 404);
        SampleApi.expectProblem(http.delete().uri("/examples/{id}", id).exchange(), 404);
    }

    @Test
    void eventsAreTheStoredEventsInOrder() {
        UUID id = api.createExample("bar1").id();
        api.change(id, Map.of("foo", "bar2")).expectStatus().isOk();
        http.delete().uri("/examples/{id}", id).exchange().expectStatus().isNoContent();

        http.get().uri("/examples/{id}/events", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].position").isEqualTo(0)
                .jsonPath("$[0].topic").isEqualTo(Example.Created.class.getName())
                .jsonPath("$[0].data.originatorId").isEqualTo(id.toString())
                .jsonPath("$[0].data.foo").isEqualTo("bar1")
                .jsonPath("$[1].position").isEqualTo(1)
                .jsonPath("$[1].topic").isEqualTo(Example.FooChanged.class.getName())
                .jsonPath("$[1].data.originatorVersion").isEqualTo(1)
                .jsonPath("$[1].data.foo").isEqualTo("bar2")
                .jsonPath("$[2].position").isEqualTo(2)
                .jsonPath("$[2].topic").value(String.class, topic -> assertThat(topic).endsWith("$Discarded"))
                .jsonPath("$[2].data.timestamp").isNotEmpty();
    }

    @Test
    void eventsOfAnIdWithoutEventsIs404() {
        SampleApi.expectProblem(http.get().uri("/examples/{id}/events", UUID.randomUUID()).exchange(), 404);
    }

    // --- personal data -------------------------------------------------------------------------------------

    @Test
    void deletingPersonalDataErasesItFromEveryEventAndEveryTable() {
        String foo = "personal-" + UUID.randomUUID();
        UUID id = api.createExample(foo).id();
        api.change(id, Map.of("foo", foo + "-changed")).expectStatus().isOk();
        ExampleResponse kept = api.createExample("kept-" + UUID.randomUUID());
        assertThat(api.getExample(id)).isEqualTo(new ExampleResponse(id, 2, foo + "-changed"));

        http.delete().uri("/examples/{id}/personal-data", id).exchange().expectStatus().isNoContent()
                .expectBody().isEmpty();

        SampleApi.expectProblem(http.get().uri("/examples/{id}", id).exchange(), 410)
                .jsonPath("$.title").isEqualTo("Personal data erased")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains(id.toString())
                        .doesNotContain("java", "Exception", "io.eventsourcing", "SQL", foo));
        SampleApi.expectProblem(api.change(id, Map.of("foo", "again")), 410);
        SampleApi.expectProblem(http.delete().uri("/examples/{id}", id).exchange(), 410);
        http.get().uri("/examples/{id}/events", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].topic").isEqualTo(Example.Created.class.getName())
                .jsonPath("$[0].data").value(Map.class, data -> assertThat(data).containsEntry("foo", null))
                .jsonPath("$[0].erased").isEqualTo(true)
                .jsonPath("$[1].topic").isEqualTo(Example.FooChanged.class.getName())
                .jsonPath("$[1].data").value(Map.class, data -> assertThat(data).containsEntry("foo", null))
                .jsonPath("$[1].erased").isEqualTo(true)
                .jsonPath("$[2].position").isEqualTo(2)
                .jsonPath("$[2].topic").isEqualTo(PersonalDataForgotten.class.getName())
                .jsonPath("$[2].data.subjectId").isEqualTo(id.toString())
                .jsonPath("$[2].erased").isEqualTo(false);
        assertThat(api.getExample(kept.id())).isEqualTo(kept);
        awaitListedWithout(id, kept);
        http.delete().uri("/examples/{id}/personal-data", id).exchange().expectStatus().isNoContent();

        assertThat(storedText.placesOf(foo)).as("where the erased foo is stored").isEmpty();
        assertThat(storedText.placesOf(id.toString())).as("where the example's id is stored, in plain text")
                .contains("sequenced_items.data");
    }

    @Test
    void deletingThePersonalDataOfADiscardedExampleErasesIt() {
        UUID id = api.createExample("personal-" + UUID.randomUUID()).id();
        api.discard(id);

        http.delete().uri("/examples/{id}/personal-data", id).exchange().expectStatus().isNoContent();

        SampleApi.expectProblem(http.get().uri("/examples/{id}", id).exchange(), 410);
        http.get().uri("/examples/{id}/events", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].erased").isEqualTo(true)
                .jsonPath("$[2].topic").isEqualTo(PersonalDataForgotten.class.getName());
    }

    @Test
    void deletingThePersonalDataOfAnExampleThatNeverExistedIs404AndStoresNothing() {
        UUID id = UUID.randomUUID();
        UUID aggregate = api.createAggregate().id();

        SampleApi.expectProblem(http.delete().uri("/examples/{id}/personal-data", id).exchange(), 404)
                .jsonPath("$.detail").isEqualTo("No example " + id);
        SampleApi.expectProblem(http.delete().uri("/examples/{id}/personal-data", aggregate).exchange(), 404)
                .jsonPath("$.detail").isEqualTo("No example " + aggregate);

        assertThat(eventStore.getDomainEvents(id)).isEmpty();
        assertThat(eventStore.getDomainEvents(aggregate)).hasSize(1);
    }

    @RepeatedTest(5)
    void concurrentPutsWhilePersonalDataIsDeletedAreEachStoredRefusedOrGone() throws Exception {
        UUID id = api.createExample("personal-" + UUID.randomUUID()).id();
        int writers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(writers + 1);
        List<Future<Integer>> puts = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                Map<String, String> body = Map.of("foo", "personal-writer-" + i);
                puts.add(threads.submit(() -> {
                    go.await();
                    return api.change(id, body).returnResult().getStatus().value();
                }));
            }
            Future<Integer> forget = threads.submit(() -> {
                go.await();
                return http.delete().uri("/examples/{id}/personal-data", id).exchange().returnResult().getStatus()
                        .value();
            });
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> put : puts) {
                codes.add(put.get(60, TimeUnit.SECONDS));
            }

            assertThat(forget.get(60, TimeUnit.SECONDS)).as("DELETE personal-data").isEqualTo(204);
            assertThat(codes).allMatch(code -> code == 200 || code == 409 || code == 410, "200, 409 or 410");
            long stored = codes.stream().filter(code -> code == 200).count();
            List<Map<String, Object>> events = api.events(id);
            assertThat(events).as("the creation, each change stored, and the record of the forgetting last")
                    .hasSize((int) (2 + stored));
            assertThat(events).extracting(event -> ((Number) event.get("position")).longValue())
                    .isEqualTo(LongStream.range(0, events.size()).boxed().toList());
            assertThat(events.subList(0, events.size() - 1)).allMatch(event -> event.get("erased").equals(true));
            assertThat(events.get(events.size() - 1).get("topic")).isEqualTo(PersonalDataForgotten.class.getName());
            SampleApi.expectProblem(http.get().uri("/examples/{id}", id).exchange(), 410);
        } finally {
            threads.shutdownNow();
        }
    }

    // --- aggregates -----------------------------------------------------------------------------------------

    @Test
    void postCreatesAnAggregateWithoutEntities() {
        http.post().uri("/aggregates").exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location)
                        .matches("http://localhost:\\d+/aggregates/[0-9a-f-]{36}"))
                .expectBody()
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.entityCount").isEqualTo(0);
    }

    @Test
    void entitiesAreCreatedInTheAggregateAndStoredTogether() {
        UUID id = api.createAggregate().id();

        api.createEntities(id, "{\"count\":3}").expectStatus().isOk()
                .expectBody(AggregateResponse.class).isEqualTo(new AggregateResponse(id, 4, 3));
        api.createEntities(id, "{\"count\":1}").expectStatus().isOk()
                .expectBody(AggregateResponse.class).isEqualTo(new AggregateResponse(id, 5, 4));

        http.get().uri("/aggregates/{id}", id).exchange().expectStatus().isOk()
                .expectBody(AggregateResponse.class).isEqualTo(new AggregateResponse(id, 5, 4));
        assertThat(eventStore.getDomainEvents(id)).hasSize(5);
    }

    @Test
    void entitiesThatLoseARaceAtTheStoreAreAllRejected() {
        UUID id = api.createAggregate().id();
        aggregates.preempt(id, ours -> new ExampleAggregate.EntityCreated(id, ours.originatorVersion(),
                Timestamps.now(), UUID.randomUUID()));

        SampleApi.expectProblem(api.createEntities(id, "{\"count\":3}"), 409);

        // The rival's one entity is stored; none of the three, though only the first position was taken.
        http.get().uri("/aggregates/{id}", id).exchange().expectStatus().isOk()
                .expectBody(AggregateResponse.class).isEqualTo(new AggregateResponse(id, 2, 1));
        assertThat(eventStore.getDomainEvents(id)).hasSize(2);
    }

    @Test
    void deleteOfAnAggregateIs204AndThenItIsGone() {
        UUID id = api.createAggregate().id();

        http.delete().uri("/aggregates/{id}", id).exchange().expectStatus().isNoContent();

        SampleApi.expectProblem(http.get().uri("/aggregates/{id}", id).exchange(), 404);
        SampleApi.expectProblem(api.createEntities(id, "{\"count\":1}"), 404);
        SampleApi.expectProblem(http.delete().uri("/aggregates/{id}", id).exchange(), 404);
    }

    @Test
    void anAggregateThatNeverExistedIs404() {
        UUID id = UUID.randomUUID();

        SampleApi.expectProblem(http.get().uri("/aggregates/{id}", id).exchange(), 404);
        SampleApi.expectProblem(api.createEntities(id, "{\"count\":1}"), 404);
        SampleApi.expectProblem(http.delete().uri("/aggregates/{id}", id).exchange(), 404);
    }

    // --- bad requests ---------------------------------------------------------------------------------------

    @Test
    void malformedJsonIs400() {
        SampleApi.expectProblem(http.post().uri("/examples").contentType(APPLICATION_JSON).body("{\"foo\":").exchange(), 400)
                .jsonPath("$.detail").isEqualTo("The request body is not well-formed JSON (line 1, column 8)");
    }

    @Test
    void missingBodyIs400() {
        SampleApi.expectProblem(http.post().uri("/examples").contentType(APPLICATION_JSON).exchange(), 400)
                .jsonPath("$.detail").isEqualTo("Required request body is missing");
    }

    @Test
    void missingFooIs400() {
        SampleApi.expectProblem(http.post().uri("/examples").contentType(APPLICATION_JSON).body("{}").exchange(), 400)
                .jsonPath("$.detail").isEqualTo("foo: must not be null")
                .jsonPath("$.errors.foo").isEqualTo("must not be null");
        UUID id = api.createExample("bar1").id();
        SampleApi.expectProblem(api.change(id, Map.of("version", 1)), 400)
                .jsonPath("$.detail").isEqualTo("foo: must not be null");
    }

    @Test
    void versionThatIsNotPositiveIs400() {
        UUID id = api.createExample("bar1").id();

        SampleApi.expectProblem(api.change(id, Map.of("foo", "bar2", "version", 0)), 400)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).startsWith("version: "));
    }

    @Test
    void malformedUuidIs400() {
        SampleApi.expectProblem(http.get().uri("/examples/not-a-uuid").exchange(), 400)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("'id'", "not-a-uuid"));
        SampleApi.expectProblem(api.createEntities("not-a-uuid", "{\"count\":1}"), 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"count\":0}", "{\"count\":-1}", "{\"count\":101}", "{\"count\":\"three\"}",
            "{\"count\":1000000000000}", "{\"count\":null}"})
    void countThatIsMissingOrOutOfRangeIs400(String body) {
        UUID id = api.createAggregate().id();

        SampleApi.expectProblem(api.createEntities(id, body), 400)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("count"));

        assertThat(eventStore.getDomainEvents(id)).hasSize(1);
    }
}
