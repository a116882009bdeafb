package io.eventsourcing.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.atomic.AtomicInteger;

/** The real databases the test suites run against. */
public enum TestDatabase {
    H2 {
        @Override
        public ConnectionDetails newConnectionDetails() {
            return new ConnectionDetails("jdbc:h2:mem:" + nextName() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }

        /** A file: an in-memory database lives in one JVM. */
        @Override
        public ConnectionDetails newSharedConnectionDetails() {
            return DatabaseFiles.h2(nextName());
        }
    },
    SQLITE {
        @Override
        public ConnectionDetails newConnectionDetails() {
            return DatabaseFiles.sqlite(nextName());
        }
    },
    POSTGRESQL {
        @Override
        public ConnectionDetails newConnectionDetails() {
            return EmbeddedPostgresServer.newDatabase(nextName());
        }
    },
    MARIADB {
        @Override
        public ConnectionDetails newConnectionDetails() {
            return EmbeddedMariaDbServer.newDatabase(nextName());
        }
    };

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /**
     * A new, empty database on this engine, behind a HikariCP pool (max 10 connections); close it when done.
     * The server starts once per JVM, on first use.
     */
    public HikariDataSource newDatabase() {
        return newConnectionDetails().newDataSource();
    }

    /** The JDBC URL, user and password of a new empty database, for tests that configure Spring Boot by properties. */
    public abstract ConnectionDetails newConnectionDetails();

    /** The JDBC URL, user and password of a new empty database that other processes can open as well. */
    public ConnectionDetails newSharedConnectionDetails() {
        return newConnectionDetails();
    }

    private static String nextName() {
        return "test_" + DATABASES.incrementAndGet();
    }
}
