package io.eventsourcing.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import io.eventsourcing.sample.web.ExampleResponse;
import io.eventsourcing.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * With {@code eventsourcing.cipher.key} set to encrypt every event, not only personal data, stored event data is
 * ciphertext, and the API and the event browser show it decrypted.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"eventsourcing.cipher.key=" + EncryptedEventsTest.KEY,
                "eventsourcing.cipher.always-encrypt=true"})
@AutoConfigureRestTestClient
@DirtiesContext
class EncryptedEventsTest {

    /** A test key: the base64 of "sample-app-key-for-tests-32bytes", 32 bytes. */
    static final String KEY = "c2FtcGxlLWFwcC1rZXktZm9yLXRlc3RzLTMyYnl0ZXM=";

    @Autowired
    private RestTestClient http;

    @Autowired
    private JdbcTemplate jdbcTemplate;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ApiContractTest.useDatabase(TestDatabase.H2, registry);
    }

    @Test
    void storedDataHoldsNoPlaintextWhileTheEventsAreShownDecrypted() {
        String secret = "plaintext-canary-" + UUID.randomUUID();
        UUID id = http.post().uri("/examples").contentType(APPLICATION_JSON).body(Map.of("foo", secret)).exchange()
                .expectStatus().isCreated().expectBody(ExampleResponse.class).returnResult().getResponseBody().id();
        http.put().uri("/examples/{id}", id).contentType(APPLICATION_JSON).body(Map.of("foo", secret + "-changed"))
                .exchange().expectStatus().isOk();

        List<byte[]> storedData = jdbcTemplate.queryForList(
                "SELECT data FROM sequenced_items WHERE sequence_id = ? ORDER BY position", byte[].class, id);

        assertThat(storedData).hasSize(2).allSatisfy(data -> {
            assertThat(data[0]).as("the mark of encrypted data").isEqualTo((byte) 1);
            assertThat(new String(data, StandardCharsets.ISO_8859_1)).doesNotContain("plaintext-canary", "foo",
                    id.toString());
        });
        http.get().uri("/examples/{id}/events", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].data.foo").isEqualTo(secret)
                .jsonPath("$[1].data.foo").isEqualTo(secret + "-changed");
        http.get().uri("/eventsourcing/api/sequences/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.events[0].data.foo").isEqualTo(secret)
                .jsonPath("$.events[1].data.foo").isEqualTo(secret + "-changed");
        http.get().uri("/examples/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(ExampleResponse.class).isEqualTo(new ExampleResponse(id, 2, secret + "-changed"));
    }
}
