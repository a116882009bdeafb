package io.eventsourcing.autoconfigure;

import io.eventsourcing.testing.TestDatabase;

class MariaDbEventSourcingTests extends EventSourcingDatabaseTests {

    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
