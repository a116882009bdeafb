package io.eventsourcing.autoconfigure;

import io.eventsourcing.testing.TestDatabase;

class PostgresqlEventSourcingTests extends EventSourcingDatabaseTests {

    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
