package io.eventsourcing.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.MediaType.APPLICATION_JSON;

import io.eventsourcing.sample.web.AggregateResponse;
import io.eventsourcing.sample.web.ExampleResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/** Examples and aggregates kept in an H2 database file, as by default, survive a restart of the application. */
class FileDatabaseRestartTest {

    @TempDir
    private Path directory;

    @Test
    void stateSurvivesARestart() {
        String url = "jdbc:h2:file:" + directory.resolve("sample-app") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        ExampleResponse example;
        AggregateResponse aggregate;
        try (ConfigurableApplicationContext app = start(url)) {
            RestClient http = client(app);
            ExampleResponse created = http.post().uri("/examples").contentType(APPLICATION_JSON)
                    .body(Map.of("foo", "before restart")).retrieve().body(ExampleResponse.class);
            example = http.put().uri("/examples/{id}", created.id()).contentType(APPLICATION_JSON)
                    .body(Map.of("foo", "changed before restart")).retrieve().body(ExampleResponse.class);
            AggregateResponse createdAggregate = http.post().uri("/aggregates").retrieve().body(AggregateResponse.class);
            aggregate = http.post().uri("/aggregates/{id}/entities", createdAggregate.id()).contentType(APPLICATION_JSON)
                    .body(Map.of("count", 3)).retrieve().body(AggregateResponse.class);
        }

        try (ConfigurableApplicationContext app = start(url)) {
            RestClient http = client(app);
            assertThat(http.get().uri("/examples/{id}", example.id()).retrieve().body(ExampleResponse.class))
                    .isEqualTo(example)
                    .isEqualTo(new ExampleResponse(example.id(), 2, "changed before restart"));
            assertThat(http.get().uri("/aggregates/{id}", aggregate.id()).retrieve().body(AggregateResponse.class))
                    .isEqualTo(aggregate)
                    .isEqualTo(new AggregateResponse(aggregate.id(), 4, 3));
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(SampleApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + url);
    }

    private static RestClient client(ConfigurableApplicationContext app) {
        return RestClient.create("http://localhost:" + app.getEnvironment().getProperty("local.server.port"));
    }
}
