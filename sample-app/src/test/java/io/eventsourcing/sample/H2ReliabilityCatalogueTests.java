package io.eventsourcing.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The reliability catalogue on the embedded default: an H2 file, with the sample's URL settings. */
class H2ReliabilityCatalogueTests extends ReliabilityCatalogueTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        try {
            String file = Files.createTempDirectory("catalogue-").resolve("sample-app").toString();
            registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
