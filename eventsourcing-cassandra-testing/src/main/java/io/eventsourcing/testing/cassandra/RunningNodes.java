package io.eventsourcing.testing.cassandra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Kills every forked node still running when the test JVM exits, so that no server outlives its build, and
 * deletes the nodes' data (each holds preallocated commit log segments of 32 MiB), keeping their logs.
 */
final class RunningNodes {

    private static final Map<Path, Process> PROCESSES = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RunningNodes::killAll, "kill-cassandra-nodes"));
    }

    private RunningNodes() {
    }

    static void killOnExit(Path directory, Process process) {
        PROCESSES.put(directory, process);
    }

    private static void killAll() {
        PROCESSES.forEach((directory, process) -> {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
                delete(directory.resolve("data"));
            } catch (InterruptedException | IOException e) {
                System.err.println("Could not clean up Cassandra node at " + directory + ": " + e);
            }
        });
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
