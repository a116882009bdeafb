package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.autoconfigure.browser.EventBrowserAutoConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an IDE and Spring Boot read from the jar: the property metadata and the auto-configuration list. */
class ConfigurationMetadataTests {

    @Test
    void documentsEveryProperty() throws IOException {
        assertThat(propertyDescriptions()).containsOnlyKeys("eventsourcing.enabled",
                "eventsourcing.jdbc.table", "eventsourcing.jdbc.sequence-id-column",
                "eventsourcing.jdbc.position-column", "eventsourcing.jdbc.topic-column",
                "eventsourcing.jdbc.data-column", "eventsourcing.jdbc.initialize-schema",
                "eventsourcing.sequencing.sequence-id-attribute", "eventsourcing.sequencing.position-attribute",
                "eventsourcing.cipher.key", "eventsourcing.cipher.previous-keys", "eventsourcing.cipher.always-encrypt",
                "eventsourcing.snapshots.enabled", "eventsourcing.snapshots.table", "eventsourcing.snapshots.period",
                "eventsourcing.store", "eventsourcing.compression", "eventsourcing.max-event-size",
                "eventsourcing.cassandra.keyspace",
                "eventsourcing.cassandra.table",
                "eventsourcing.cassandra.initialize-schema", "eventsourcing.cassandra.create-keyspace",
                "eventsourcing.cassandra.replication-factor", "eventsourcing.cassandra.replication",
                "eventsourcing.cassandra.use-protocol-v4", "eventsourcing.cassandra.settle-time",
                "eventsourcing.projections.enabled",
                "eventsourcing.projections.table", "eventsourcing.projections.page-size", "eventsourcing.projections.lease",
                "eventsourcing.projections.max-poll-interval", "eventsourcing.projections.instance-id",
                "eventsourcing.dcb.enabled", "eventsourcing.crypto-shredding.enabled",
                "eventsourcing.crypto-shredding.key-cache-size", "eventsourcing.crypto-shredding.key-cache-ttl",
                "eventsourcing.browser.enabled", "eventsourcing.browser.path")
                .allSatisfy((name, description) -> assertThat(description).as(name).isNotBlank().endsWith("."));
    }

    @Test
    void listsTheAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
                .contains(EventSourcingAutoConfiguration.class.getName(),
                        ProjectionsActuatorAutoConfiguration.class.getName(),
                        EventSourcingActuatorAutoConfiguration.class.getName(),
                        EventSourcingMetricsAutoConfiguration.class.getName(),
                        EventBrowserAutoConfiguration.class.getName());
    }

    /** The descriptions of the properties named eventsourcing.*, from every metadata file on the class path. */
    private Map<String, String> propertyDescriptions() throws IOException {
        Map<String, String> descriptions = new TreeMap<>();
        JsonMapper jsonMapper = JsonMapper.shared();
        for (URL file : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = file.openStream()) {
                for (JsonNode property : jsonMapper.readTree(in).path("properties")) {
                    String name = property.path("name").asString();
                    if (name.startsWith("eventsourcing.")) {
                        descriptions.put(name, property.path("description").asString());
                    }
                }
            }
        }
        return descriptions;
    }
}
