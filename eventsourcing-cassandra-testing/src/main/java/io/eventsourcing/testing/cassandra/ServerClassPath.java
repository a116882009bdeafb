package io.eventsourcing.testing.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The server's class path, written into this jar by the build (maven-dependency-plugin's build-classpath). */
final class ServerClassPath {

    private static final String RESOURCE = "server.classpath";

    private ServerClassPath() {
    }

    static String get() {
        try (InputStream in = ServerClassPath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE + ": build eventsourcing-cassandra-testing with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
