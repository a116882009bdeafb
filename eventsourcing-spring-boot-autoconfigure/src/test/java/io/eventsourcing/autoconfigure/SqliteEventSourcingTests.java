package io.eventsourcing.autoconfigure;

import io.eventsourcing.testing.TestDatabase;

class SqliteEventSourcingTests extends EventSourcingDatabaseTests {

    @Override
    protected TestDatabase database() {
        return TestDatabase.SQLITE;
    }
}
