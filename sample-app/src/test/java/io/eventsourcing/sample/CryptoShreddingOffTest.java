package io.eventsourcing.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.sample.web.ExampleResponse;
import io.eventsourcing.testing.TestDatabase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** With crypto-shredding off, the sample serves examples as before, and says that it cannot erase personal data. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "eventsourcing.crypto-shredding.enabled=false")
@AutoConfigureRestTestClient
@DirtiesContext
class CryptoShreddingOffTest {

    @Autowired
    private RestTestClient http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ApiContractTest.useDatabase(TestDatabase.H2, registry);
    }

    @Test
    void deletingPersonalDataIs501AndChangesNothing() {
        SampleApi api = new SampleApi(http);
        ExampleResponse example = api.createExample("personal-" + UUID.randomUUID());

        SampleApi.expectProblem(http.delete().uri("/examples/{id}/personal-data", example.id()).exchange(), 501)
                .jsonPath("$.title").isEqualTo("Erasure unavailable");

        assertThat(api.getExample(example.id())).isEqualTo(example);
        assertThat(api.events(example.id())).hasSize(1);
    }
}
