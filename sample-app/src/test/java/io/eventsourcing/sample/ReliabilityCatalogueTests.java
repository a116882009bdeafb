package io.eventsourcing.sample;

import static io.eventsourcing.sample.SampleApi.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import io.eventsourcing.infrastructure.DataIntegrityException;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.sample.domain.Example;
import io.eventsourcing.sample.web.ExampleResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The reliability catalogue: hostile HTTP input and attacks on the stored data, each case with the outcome the
 * README lists. Every event is encrypted, not only personal data, so that the attacks on ciphertexts apply. A thin
 * subclass names the database: the embedded default (an H2 file), and PostgreSQL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@DirtiesContext
@TestPropertySource(properties = {"eventsourcing.cipher.key=" + EncryptedEventsTest.KEY,
        "eventsourcing.cipher.always-encrypt=true", "eventsourcing.max-event-size=64KB",
        "sample.max-request-size=256KB"})
abstract class ReliabilityCatalogueTests {

    @Autowired
    private RestTestClient http;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EventSourcedRepository<Example> examples;

    @Value("${spring.datasource.url}")
    private String datasourceUrl;

    @Value("${spring.datasource.username:}")
    private String datasourceUser;

    @Value("${spring.datasource.password:}")
    private String datasourcePassword;

    private SampleApi api;

    @BeforeEach
    void setUpApi() {
        api = new SampleApi(http);
    }

    // --- hostile HTTP input -------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"{\"foo\":", "{\"foo\":\"bar", "{\"foo\" \"bar\"}", "{'foo':'bar'}", "{\"foo\":\"bar\"}}"})
    void malformedOrTruncatedJsonIs400AndStoresNothing(String body) {
        long before = storedEvents();

        expectProblem(post(body), 400).jsonPath("$.detail").value(String.class, detail ->
                assertThat(detail).startsWith("The request body is not well-formed JSON"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"foo\":", "[", "{\"bar\":"})
    void deeplyNestedJsonIs400AsSoonAsItIsWrong(String opening) {
        String deep = opening + "[".repeat(100_000) + "]".repeat(100_000) + (opening.startsWith("{") ? "}" : "");

        expectProblem(post(deep), 400).jsonPath("$.detail").value(String.class, detail ->
                assertThat(detail).doesNotContain("java", "Stream"));
    }

    @Test
    void aBodyLargerThanTheLimitIs413BeforeItIsRead() {
        long before = storedEvents();
        String huge = "{\"foo\":\"" + "x".repeat(300_000) + "\"}";

        expectProblem(post(huge), 413).jsonPath("$.detail").value(String.class, detail ->
                assertThat(detail).contains("larger than 262144 bytes"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anEventLargerThanTheLimitIs413AndStoresNothing() {
        long before = storedEvents();

        expectProblem(post("{\"foo\":\"" + "x".repeat(100_000) + "\"}"), 413).jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).contains("more than the 65536 an event may have"));
        assertThat(storedEvents()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"foo\":123}", "{\"foo\":true}", "{\"foo\":[\"a\"]}", "{\"foo\":\"a\",\"bar\":1}",
            "[\"a\"]", "\"a\""})
    void wrongTypesAndUnknownFieldsAre400WithoutJavaNames(String body) {
        expectProblem(post(body), 400).jsonPath("$.detail").value(String.class, detail ->
                assertThat(detail).doesNotContain("java", "io.eventsourcing", "Long", "String"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"count\":\"3\"}", "{\"count\":3.7}", "{\"count\":true}"})
    void numbersAreNotCoerced(String body) {
        UUID id = api.createAggregate().id();

        expectProblem(api.createEntities(id, body), 400).jsonPath("$.detail").value(String.class, detail ->
                assertThat(detail).contains("count").doesNotContain("java"));
        assertThat(api.createEntities(id, "{\"count\":3}").expectBody(Map.class).returnResult().getResponseBody())
                .containsEntry("entityCount", 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "00000000-0000-0000-0000-00000000000g", "%00", "1"})
    void malformedIdsAre400(String id) {
        expectProblem(http.get().uri("/examples/" + id).exchange(), 400);
    }

    @Test
    void unknownIdsAndTheIdsOfAnotherTypeAre404() {
        UUID aggregate = api.createAggregate().id();

        expectProblem(http.get().uri("/examples/{id}", new UUID(0, 0)).exchange(), 404);
        expectProblem(http.get().uri("/examples/{id}", aggregate).exchange(), 404);
        expectProblem(api.change(aggregate, Map.of("foo", "x")), 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/plain", "image/png"})
    void anUnacceptableAcceptHeaderIs406BeforeAnythingIsStored(String accept) {
        long before = storedEvents();

        http.post().uri("/examples").contentType(APPLICATION_JSON).accept(MediaType.parseMediaType(accept))
                .body("{\"foo\":\"bar\"}").exchange().expectStatus().isEqualTo(406);
        http.post().uri("/aggregates").accept(MediaType.parseMediaType(accept)).exchange().expectStatus()
                .isEqualTo(406);

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anUnsupportedContentTypeIs415AndStoresNothing() {
        long before = storedEvents();

        expectProblem(http.post().uri("/examples").contentType(MediaType.TEXT_PLAIN).body("foo=bar").exchange(), 415);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void unsupportedMethodsAre405() {
        UUID id = api.createExample("bar").id();

        expectProblem(http.patch().uri("/examples/{id}", id).contentType(APPLICATION_JSON).body("{}").exchange(), 405);
        expectProblem(http.delete().uri("/examples").exchange(), 405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\ud800b", "\udc00", "nul\u0000byte", "emoji \ud83d\ude00 \ud83d\udc4d\ud83c\udffd",
            "\u202eright-to-left", "line\r\nbreak"})
    void anyTextIsStoredAndReadBackExactly(String foo) {
        ExampleResponse created = api.createExample(foo);

        assertThat(created.foo()).isEqualTo(foo);
        assertThat(api.getExample(created.id()).foo()).isEqualTo(foo);
        assertThat(examples.get(created.id()).getFoo()).isEqualTo(foo);
    }

    @Test
    void concurrentChangesAndADiscardEachStoreOrFailCleanly() throws Exception {
        UUID id = api.createExample("start").id();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(9);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int writer = 0; writer < 8; writer++) {
                String foo = "writer " + writer;
                statuses.add(threads.submit(awaiting(go, () -> api.change(id, Map.of("foo", foo)))));
            }
            statuses.add(threads.submit(awaiting(go, () -> http.delete().uri("/examples/{id}", id).exchange())));
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get());
            }

            assertThat(codes).allMatch(code -> List.of(200, 204, 404, 409).contains(code));
            assertThat(codes.get(8)).isIn(204, 409);
        } finally {
            threads.shutdownNow();
        }
        List<Long> positions = jdbc.queryForList("SELECT position FROM sequenced_items WHERE sequence_id = ?"
                + " ORDER BY position", Long.class, id);
        assertThat(positions).isEqualTo(LongStream.range(0, positions.size()).boxed().toList());
    }

    private static Callable<Integer> awaiting(CountDownLatch go, Callable<RestTestClient.ResponseSpec> request) {
        return () -> {
            go.await();
            return request.call().returnResult().getStatus().value();
        };
    }

    // --- attacks on stored data ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"java.lang.ProcessBuilder", "javax.management.loading.MLet",
            "org.springframework.context.support.ClassPathXmlApplicationContext", "no.such.Class"})
    void aTopicEditedToAnotherClassIsRefusedWithoutInstantiatingIt(String topic) {
        UUID id = api.createExample("bar").id();
        jdbc.update("INSERT INTO sequenced_items_topics (topic) VALUES (?)", topic);
        jdbc.update("UPDATE sequenced_items SET topic = (SELECT id FROM sequenced_items_topics WHERE topic = ?)"
                + " WHERE sequence_id = ? AND position = 0", topic, id);

        expectProblem(http.get().uri("/examples/{id}", id).exchange(), 500).jsonPath("$.detail")
                .value(String.class, detail -> assertThat(detail).doesNotContain(topic, "java"));
        assertThatThrownBy(() -> examples.get(id)).isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining("position 0");
    }

    @Test
    void corruptDataIsReportedNamingTheItemAndOthersStayReadable() {
        UUID corrupted = api.createExample("bar").id();
        UUID intact = api.createExample("baz").id();
        jdbc.update("UPDATE sequenced_items SET data = ? WHERE sequence_id = ?", new byte[] {'{', 'x'},
                corrupted);

        expectProblem(http.get().uri("/examples/{id}/events", corrupted).exchange(), 500);
        assertThatThrownBy(() -> examples.get(corrupted)).isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining("sequence " + corrupted + " at position 0");
        assertThat(api.getExample(intact).foo()).isEqualTo("baz");
    }

    @Test
    void aDeletedFirstPositionIsReportedNamingThePosition() {
        UUID id = api.createExample("bar").id();
        api.change(id, Map.of("foo", "baz")).expectStatus().isOk();
        jdbc.update("DELETE FROM sequenced_items WHERE sequence_id = ? AND position = 0", id);

        expectProblem(http.get().uri("/examples/{id}", id).exchange(), 500);
        assertThatThrownBy(() -> examples.get(id)).isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining("Sequence " + id + " has no event at position 0");
    }

    @Test
    void anEventForgedAtAnotherPositionIsDetectedNamingIt() {
        UUID id = api.createExample("bar").id();
        jdbc.update("INSERT INTO sequenced_items (sequence_id, position, topic, data) SELECT sequence_id, 1, topic,"
                + " data FROM sequenced_items WHERE sequence_id = ? AND position = 0", id);

        expectProblem(http.get().uri("/examples/{id}", id).exchange(), 500);
        assertThatThrownBy(() -> examples.get(id)).isInstanceOf(DataIntegrityException.class)
                .hasMessageContaining("sequence " + id + " at position 1")
                .hasMessageContaining("moved from another item");
    }

    @Test
    void flippedAndTruncatedCiphertextsAreDetectedNamingTheItem() {
        UUID flipped = api.createExample("bar").id();
        UUID truncated = api.createExample("baz").id();
        byte[] data = storedData(flipped);
        data[data.length / 2] ^= 0x01;
        jdbc.update("UPDATE sequenced_items SET data = ? WHERE sequence_id = ?", data, flipped);
        byte[] cut = storedData(truncated);
        jdbc.update("UPDATE sequenced_items SET data = ? WHERE sequence_id = ?",
                Arrays.copyOf(cut, cut.length - 5), truncated);

        for (UUID id : List.of(flipped, truncated)) {
            expectProblem(http.get().uri("/examples/{id}", id).exchange(), 500);
            assertThatThrownBy(() -> examples.get(id)).isInstanceOf(DataIntegrityException.class)
                    .hasMessageContaining("sequence " + id + " at position 0");
        }
    }

    @Test
    void theStoreOpenedWithoutItsKeyRefusesToStartNamingTheProperty() {
        api.createExample("encrypted");
        SpringApplicationBuilder withoutKey = new SpringApplicationBuilder(SampleApplication.class);

        // Without the sample's application.yml, whose default key cannot be unset: no key, and no crypto-shredding.
        assertThatThrownBy(() -> withoutKey.run("--server.port=0", "--spring.config.name=no-configuration",
                "--spring.autoconfigure.exclude=" + CassandraAutoConfiguration.class.getName(),
                "--spring.datasource.url=" + datasourceUrl, "--spring.datasource.username=" + datasourceUser,
                "--spring.datasource.password=" + datasourcePassword))
                .rootCause().hasMessageContaining("Invalid property eventsourcing.cipher.key: is not set, but the"
                        + " store's events are encrypted");
    }

    @Test
    void swappedCiphertextsAreDetectedAndNeverServedUnderTheOtherId() {
        UUID first = api.createExample("first secret").id();
        UUID second = api.createExample("second secret").id();
        byte[] firstData = storedData(first);
        byte[] secondData = storedData(second);
        jdbc.update("UPDATE sequenced_items SET data = ? WHERE sequence_id = ?", secondData, first);
        jdbc.update("UPDATE sequenced_items SET data = ? WHERE sequence_id = ?", firstData, second);

        for (UUID id : List.of(first, second)) {
            http.get().uri("/examples/{id}/events", id).exchange().expectStatus().isEqualTo(500)
                    .expectBody(String.class).value(body -> assertThat(body).doesNotContain("secret"));
            expectProblem(http.get().uri("/examples/{id}", id).exchange(), 500);
        }
    }

    private byte[] storedData(UUID id) {
        return jdbc.queryForObject("SELECT data FROM sequenced_items WHERE sequence_id = ? AND position = 0",
                byte[].class, id);
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sequenced_items", Long.class);
    }

    private RestTestClient.ResponseSpec post(String body) {
        return http.post().uri("/examples").contentType(APPLICATION_JSON).body(body).exchange();
    }
}
