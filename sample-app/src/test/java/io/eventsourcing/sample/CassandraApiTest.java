package io.eventsourcing.sample;

import io.eventsourcing.testing.cassandra.SharedCassandra;
import java.net.InetSocketAddress;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The HTTP API's contract on a real single-node Apache Cassandra 5.0, configured as the application is run:
 * the "cassandra" profile, and only the node's address changed.
 */
@ActiveProfiles("cassandra")
class CassandraApiTest extends ApiContractTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        InetSocketAddress node = SharedCassandra.node().contactPoint();
        registry.add("spring.cassandra.contact-points", () -> node.getHostString() + ":" + node.getPort());
        registry.add("spring.cassandra.request.timeout", () -> "30s");
    }
}
