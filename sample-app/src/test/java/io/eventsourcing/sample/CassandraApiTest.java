package io.eventsourcing.sample;

import io.eventsourcing.testing.cassandra.SharedCassandra;
import io.eventsourcing.sample.web.ExampleResponse;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The HTTP API's contract on a real single-node Apache Cassandra 5.0, configured as the application is run:
 * the "cassandra" profile, and only the node's address changed. The list of examples is not served: its projection
 * keeps its positions and its table in a JDBC database; nor are courses and students: the DCB event store is JDBC's.
 */
@ActiveProfiles("cassandra")
class CassandraApiTest extends ApiContractTest {

    @Autowired
    private RestTestClient http;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        InetSocketAddress node = SharedCassandra.node().contactPoint();
        registry.add("spring.cassandra.contact-points", () -> node.getHostString() + ":" + node.getPort());
        registry.add("spring.cassandra.request.timeout", () -> "30s");
    }

    /** No list of examples to wait for: the erasure is complete once its request is answered. */
    @Override
    void awaitListedWithout(UUID erased, ExampleResponse kept) {
    }

    @Test
    void theListOfExamplesIsNotServed() {
        SampleApi.expectProblem(http.get().uri("/examples").exchange(), 405);
    }

    @Test
    void coursesAndStudentsAreNotServed() {
        SampleApi.expectProblem(http.post().uri("/courses").contentType(MediaType.APPLICATION_JSON)
                .body("{\"capacity\":3}").exchange(), 404);
        SampleApi.expectProblem(http.post().uri("/students").exchange(), 404);
    }
}
