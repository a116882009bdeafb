package io.eventsourcing.sample;

import io.eventsourcing.testing.ConnectionDetails;
import io.eventsourcing.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;

/** The databases the crash test kills the sample application on. */
enum CrashDatabase {

    /**
     * The default: no datasource setting at all, so the application's H2 file lands under {@code ./data} in its
     * working directory. The test reads it with {@code WRITE_DELAY=0}, without which the library opens no H2 file.
     */
    H2_DEFAULT {
        @Override
        Setup prepare(Path workingDirectory) {
            String file = workingDirectory.resolve("data").resolve("sample-app").toString();
            return new Setup(List.of(), new ConnectionDetails("jdbc:h2:file:" + file + ";WRITE_DELAY=0", "sa", ""));
        }
    },

    /** A new database on the embedded PostgreSQL server, which lives in the test's JVM and so survives the kills. */
    POSTGRESQL {
        @Override
        Setup prepare(Path workingDirectory) {
            ConnectionDetails database = TestDatabase.POSTGRESQL.newConnectionDetails();
            return new Setup(List.of("--spring.datasource.url=" + database.url(),
                    "--spring.datasource.username=" + database.username(),
                    "--spring.datasource.password=" + database.password()), database);
        }
    };

    /** A database for an application that runs in the working directory. */
    abstract Setup prepare(Path workingDirectory);

    /**
     * @param arguments the application's command-line arguments that point it at the database
     * @param database how the test reads the database once the application is down
     */
    record Setup(List<String> arguments, ConnectionDetails database) {
    }
}
