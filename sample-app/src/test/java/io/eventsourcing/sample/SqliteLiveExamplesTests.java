package io.eventsourcing.sample;

import io.eventsourcing.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The list of live examples on SQLite. */
class SqliteLiveExamplesTests extends LiveExamplesTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ApiContractTest.useDatabase(TestDatabase.SQLITE, registry);
    }
}
