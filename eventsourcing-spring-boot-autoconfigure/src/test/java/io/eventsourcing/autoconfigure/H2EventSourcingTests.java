package io.eventsourcing.autoconfigure;

import io.eventsourcing.testing.TestDatabase;

class H2EventSourcingTests extends EventSourcingDatabaseTests {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
