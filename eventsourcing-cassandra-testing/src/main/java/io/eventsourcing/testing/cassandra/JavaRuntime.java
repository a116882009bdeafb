package io.eventsourcing.testing.cassandra;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code java} that runs Cassandra: Java 17 to 23, since Cassandra 5.0 needs the SecurityManager that JDK 24 removed. */
final class JavaRuntime {

    private static final String JAVA_HOME_VARIABLE = "CASSANDRA_JAVA_HOME";

    private JavaRuntime() {
    }

    /** {@code $CASSANDRA_JAVA_HOME/bin/java} if set, else this JVM's own {@code java} when its version fits. */
    static Path java17() {
        String home = System.getenv(JAVA_HOME_VARIABLE);
        if (home == null || home.isBlank()) {
            int version = Runtime.version().feature();
            if (version < 17 || version > 23) {
                throw new IllegalStateException("Cassandra 5.0 runs on Java 17 to 23, and the tests run on Java "
                        + version + ": set " + JAVA_HOME_VARIABLE + " to a Java 17 installation");
            }
            home = System.getProperty("java.home");
        }
        Path java = Path.of(home, "bin", "java");
        if (!Files.isExecutable(java)) {
            throw new IllegalStateException("No java executable at " + java);
        }
        return java;
    }
}
