package io.eventsourcing.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * SQLite and H2 database files, in a temporary directory of this JVM that is deleted on exit. SQLite URLs make
 * concurrent writers wait for each other: WAL journal, a busy timeout, and transactions that take the write lock
 * when they begin. H2 URLs write each commit before it returns.
 */
final class DatabaseFiles {

    private static final String SQLITE_SETTINGS = "?journal_mode=WAL&busy_timeout=30000&transaction_mode=IMMEDIATE";
    private static final OncePerJvm<Path> DIRECTORY = new OncePerJvm<>("database directory",
            DatabaseFiles::createDirectory);

    private DatabaseFiles() {}

    static ConnectionDetails sqlite(String name) {
        return new ConnectionDetails("jdbc:sqlite:" + DIRECTORY.get().resolve(name + ".db") + SQLITE_SETTINGS, "", "");
    }

    static ConnectionDetails h2(String name) {
        return new ConnectionDetails("jdbc:h2:file:" + DIRECTORY.get().resolve(name) + ";WRITE_DELAY=0", "sa", "");
    }

    private static Path createDirectory() throws IOException {
        Path directory = Files.createTempDirectory("databases-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(directory)));
        return directory;
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // The JVM is exiting: a leftover temporary file is all that can go wrong.
        }
    }
}
