package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * Driver sessions for the build's nodes, with timeouts generous enough for Cassandra on two busy cores, on
 * native protocol V4 (driver 4.19 misreads protocol V5's reply to a timed-out lightweight transaction).
 */
public final class TestSessions {

    private TestSessions() {
    }

    /** A session on the nodes at these contact points, in data centre {@code datacenter1}. */
    public static CqlSession connect(List<InetSocketAddress> contactPoints) {
        Duration generous = Duration.ofSeconds(30);
        return CqlSession.builder()
                .addContactPoints(contactPoints)
                .withLocalDatacenter("datacenter1")
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, generous)
                        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, generous)
                        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, generous)
                        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, generous)
                        .withString(DefaultDriverOption.PROTOCOL_VERSION, "V4")
                        .build())
                .build();
    }
}
