package io.eventsourcing.sample;

import io.eventsourcing.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Course subscriptions on PostgreSQL. */
class PostgresqlCourseSubscriptionsTests extends CourseSubscriptionsTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ApiContractTest.useDatabase(TestDatabase.POSTGRESQL, registry);
    }
}
