package io.eventsourcing.sample;

import io.eventsourcing.testing.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Course subscriptions on H2. */
class H2CourseSubscriptionsTests extends CourseSubscriptionsTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ApiContractTest.useDatabase(TestDatabase.H2, registry);
    }
}
