package io.eventsourcing.sample;

import io.eventsourcing.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The HTTP API's contract on SQLite. */
class SqliteApiTest extends ApiContractTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        useDatabase(TestDatabase.SQLITE, registry);
    }
}
