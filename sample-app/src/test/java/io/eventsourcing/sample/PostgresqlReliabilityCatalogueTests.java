package io.eventsourcing.sample;

import io.eventsourcing.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The reliability catalogue on PostgreSQL. */
class PostgresqlReliabilityCatalogueTests extends ReliabilityCatalogueTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ApiContractTest.useDatabase(TestDatabase.POSTGRESQL, registry);
    }
}
