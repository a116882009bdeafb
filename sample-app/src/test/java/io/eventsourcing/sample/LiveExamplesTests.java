package io.eventsourcing.sample;

import static io.eventsourcing.sample.SampleApi.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import io.eventsourcing.autoconfigure.ProjectionsEndpoint.ProjectionsDescriptor;
import io.eventsourcing.projection.ProjectionPositions;
import io.eventsourcing.projection.ProjectionStatus;
import io.eventsourcing.sample.application.LiveExample;
import io.eventsourcing.sample.application.LiveExamples;
import io.eventsourcing.sample.web.ExampleListController;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * {@code GET /examples}, the list that the {@code live-examples} projection keeps: after every write it agrees
 * with the event-sourced state within the live bound; it pages newest first without skips or repeats; it lists no
 * discarded example; it refuses bad parameters with 400; a reset or a rebuild through Actuator gives the same list
 * again, and a rebuild never takes it out of service. A thin subclass names the database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@DirtiesContext
abstract class LiveExamplesTests {

    /** New events reach the projections within about this time of their commit. */
    private static final Duration LIVE_BOUND = Duration.ofMillis(100);
    /** How long a test waits for the list to agree, or for a rebuild, before it fails. */
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final String ENDPOINT = "/actuator/projections/" + LiveExamples.NAME;
    /** The query of a page that holds the whole list in these tests. */
    private static final String ALL = "?limit=" + ExampleListController.MAX_LIMIT;

    @Autowired
    private RestTestClient http;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ProjectionPositions positions;

    @Value("${spring.datasource.url}")
    private String datasourceUrl;

    private SampleApi api;
    private WrittenExamples written;

    @BeforeEach
    void setUpApi() {
        api = new SampleApi(http);
        written = new WrittenExamples(api);
    }

    // --- agreement with the event-sourced state -------------------------------------------------------------

    @Test
    void afterEveryWriteTheListAgreesWithTheEventSourcedStateWithinTheLiveBound() {
        List<Double> millis = new ArrayList<>();
        for (int write = 0; write < 50; write++) {
            List<UUID> ids = written.liveIds();
            if (ids.size() < 5 || write % 7 == 0) {
                written.create("example " + write);
            } else if (write % 11 == 0) {
                written.discard(ids.get(write % ids.size()));
            } else {
                written.change(ids.get(write % ids.size()), "change " + write);
            }
            long acknowledged = System.nanoTime();
            millis.add((written.awaitListed(DEADLINE) - acknowledged) / 1e6);
            written.assertServedAsListed();
        }

        Collections.sort(millis);
        double median = (millis.get(24) + millis.get(25)) / 2;
        double max = millis.get(49);
        System.out.printf("Live examples on %s: 50 writes, acknowledged write to agreeing list: median %.1f ms,"
                + " max %.1f ms%n", datasourceUrl.split(":")[1], median, max);
        assertThat(median).as("median ms").isLessThanOrEqualTo(LIVE_BOUND.toMillis());
        assertThat(max).as("max ms").isLessThan(10.0 * LIVE_BOUND.toMillis());
    }

    @Test
    void anyTextIsListedExactlyAsTheExampleHoldsIt() {
        for (String foo : List.of("a\ud800b", "\udc00", "nul\u0000byte", "emoji \ud83d\ude00 \ud83d\udc4d\ud83c\udffd",
                "\u202eright-to-left", "line\r\nbreak", "\"quoted\" \\ back\\slash", "x".repeat(70_000))) {
            written.create(foo);
        }

        written.awaitListed(DEADLINE);
        written.assertServedAsListed();
    }

    // --- pages ----------------------------------------------------------------------------------------------

    @Test
    void pagesOfThreeWalkTheWholeListNewestFirstWithoutSkipsOrRepeats() {
        for (int i = 0; i < 7; i++) {
            written.create("page " + i);
        }
        written.awaitListed(DEADLINE);

        List<LiveExample> walked = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<LiveExample> page = api.listExamples("?limit=3");
        while (true) {
            walked.addAll(page);
            sizes.add(page.size());
            if (page.size() < 3) {
                break;
            }
            page = api.listExamples("?limit=3&after=" + page.get(2).id());
        }

        assertThat(walked).doesNotHaveDuplicates().isEqualTo(api.listExamples(ALL));
        assertThat(walked.subList(0, 7)).isEqualTo(written.expected());
        assertThat(sizes.subList(0, sizes.size() - 1)).containsOnly(3);
    }

    @Test
    void discardedExamplesAreNotListedAndAPageAfterOneGoesOnBehindIt() {
        for (String foo : List.of("a", "b", "c", "d", "e")) {
            written.create(foo);
        }
        written.awaitListed(DEADLINE);
        List<LiveExample> first = api.listExamples("?limit=2");
        assertThat(first).extracting(LiveExample::foo).containsExactly("e", "d");

        UUID d = first.get(1).id();
        UUID b = written.expected().get(3).id();
        written.discard(d);
        written.discard(b);
        written.awaitListed(DEADLINE);

        assertThat(api.listExamples(ALL)).extracting(LiveExample::id)
                .doesNotContain(d, b);
        assertThat(api.listExamples("?limit=2&after=" + d)).extracting(LiveExample::foo).containsExactly("c", "a");
        expectProblem(http.get().uri("/examples/{id}", d).exchange(), 404);
    }

    @Test
    void aPageHoldsFiftyExamplesUnlessALimitIsGiven() {
        for (int i = 0; i < 51; i++) {
            written.create("default " + i);
        }
        written.awaitListed(DEADLINE);

        assertThat(api.listExamples("")).isEqualTo(written.expected().subList(0, 50));
        assertThat(api.listExamples("?limit=1")).isEqualTo(written.expected().subList(0, 1));
    }

    @Test
    void eachExampleIsListedAsItsIdFooAndVersionInThatOrder() {
        UUID id = written.create("shape").id();
        written.change(id, "shape 2");
        written.awaitListed(DEADLINE);

        http.get().uri("/examples?limit=1").exchange().expectStatus().isOk()
                .expectHeader().contentType(APPLICATION_JSON)
                .expectBody(String.class).isEqualTo("[{\"id\":\"" + id + "\",\"foo\":\"shape 2\",\"version\":2}]");
    }

    // --- bad requests ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "100000", "1001", "1.5", "99999999999", "1e3"})
    void aLimitThatIsNotAWholeNumberFrom1To1000Is400NamingIt(String limit) {
        expectProblem(http.get().uri("/examples?limit={limit}", limit).exchange(), 400)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("limit")
                        .doesNotContain("java", "Exception", "Integer", "NumberFormat"))
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.exception").doesNotExist();
    }

    @Test
    void aLimitOutOfRangeIsNamedWithItsBound() {
        expectProblem(http.get().uri("/examples?limit=0").exchange(), 400)
                .jsonPath("$.title").isEqualTo("Invalid request parameter")
                .jsonPath("$.detail").isEqualTo("limit: must be greater than or equal to 1")
                .jsonPath("$.errors.limit").isEqualTo("must be greater than or equal to 1");
        expectProblem(http.get().uri("/examples?limit=1001").exchange(), 400)
                .jsonPath("$.detail").isEqualTo("limit: must be less than or equal to 1000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1", "00000000-0000-0000-0000-00000000000g", "%00"})
    void anAfterThatIsNotAUuidIs400NamingIt(String after) {
        expectProblem(http.get().uri("/examples?after=" + after).exchange(), 400)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("'after'")
                        .doesNotContain("java", "Exception", "UUID"))
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void anAfterThatNamesNoExampleOfTheListIs400NamingIt() {
        UUID aggregate = api.createAggregate().id();

        for (UUID after : List.of(UUID.randomUUID(), aggregate)) {
            expectProblem(http.get().uri("/examples?after={after}", after).exchange(), 400)
                    .jsonPath("$.title").isEqualTo("Invalid request parameter")
                    .jsonPath("$.detail").isEqualTo("after: names no example of the list")
                    .jsonPath("$.errors.after").isEqualTo("names no example of the list");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/plain"})
    void anUnacceptableAcceptHeaderIs406(String accept) {
        http.get().uri("/examples").accept(MediaType.parseMediaType(accept)).exchange().expectStatus().isEqualTo(406);
    }

    // --- reset and rebuild ----------------------------------------------------------------------------------

    @Test
    void aRebuildServesTheWholeListThroughoutAndEndsWithTheSameOne() throws Exception {
        for (int i = 0; i < 100; i++) {
            written.create("rebuilt " + i);
        }
        written.awaitListed(DEADLINE);
        String before = wholeList().getResponseBody();
        int serving = servingGeneration();
        AtomicBoolean promoted = new AtomicBoolean();
        List<String> answers = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (!promoted.get()) {
                EntityExchangeResult<String> answer = wholeList();
                answers.add(answer.getStatus().value() + " " + answer.getResponseBody());
            }
        });

        while (answers.isEmpty()) {
            Thread.onSpinWait(); // the reader reads before the rebuild starts, and until the new generation serves
        }
        operate("rebuild");
        awaitServing(serving + 1);
        promoted.set(true);
        reader.get();

        assertThat(statuses()).anyMatch(status -> status.generation() == serving + 1 && status.serving());
        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo("200 " + before));
        assertThat(wholeList().getResponseBody()).isEqualTo(before);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThatThrownBy(() ->
                jdbc.queryForObject("SELECT COUNT(*) FROM live_examples_" + serving, Long.class))
                .as("the replaced generation's table is dropped after a grace period")
                .isInstanceOf(DataAccessException.class));
    }

    @Test
    void aResetServesANewGenerationAtOnceThatRefillsTheSameList() {
        for (int i = 0; i < 5; i++) {
            written.create("reset " + i);
        }
        written.awaitListed(DEADLINE);
        String before = wholeList().getResponseBody();
        int serving = servingGeneration();

        operate("reset");

        assertThat(servingGeneration()).isEqualTo(serving + 1);
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        EntityExchangeResult<String> answer = wholeList();
        while (!before.equals(answer.getResponseBody()) && System.nanoTime() < deadline) {
            assertThat(answer.getStatus().value()).isEqualTo(200);
            answer = wholeList();
        }
        assertThat(answer.getResponseBody()).isEqualTo(before);
    }

    @Test
    void anErasedExampleLeavesTheListKeepsItsPlaceAndARebuildNeverListsItAgain() {
        UUID erased = written.create("erased " + UUID.randomUUID()).id();
        written.create("kept");
        written.awaitListed(DEADLINE);

        written.erase(erased);
        written.awaitListed(DEADLINE);
        written.assertServedAsListed();
        api.listExamples("?after=" + erased); // 200: the erased example still marks its place
        String before = wholeList().getResponseBody();
        int serving = servingGeneration();
        operate("rebuild");
        awaitServing(serving + 1);

        assertThat(wholeList().getResponseBody()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT foo FROM live_examples_" + (serving + 1) + " WHERE id = ?",
                String.class, erased.toString())).as("the rebuilt row's foo").isEqualTo("null");
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private EntityExchangeResult<String> wholeList() {
        return http.get().uri("/examples" + ALL).exchange().expectBody(String.class).returnResult();
    }

    private void operate(String action) {
        http.post().uri(ENDPOINT).contentType(APPLICATION_JSON).body(Map.of("action", action)).exchange()
                .expectStatus().isOk();
    }

    private List<ProjectionStatus> statuses() {
        return http.get().uri(ENDPOINT).exchange().expectStatus().isOk().expectBody(ProjectionsDescriptor.class)
                .returnResult().getResponseBody().projections();
    }

    private int servingGeneration() {
        return positions.servingGeneration(LiveExamples.NAME).number();
    }

    private void awaitServing(int generation) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (servingGeneration() != generation) {
            assertThat(System.nanoTime()).as("generation %d serving by now", generation).isLessThan(deadline);
            LockSupport.parkNanos(10_000_000);
        }
    }
}
