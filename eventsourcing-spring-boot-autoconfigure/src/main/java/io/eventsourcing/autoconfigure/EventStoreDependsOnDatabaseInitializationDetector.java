package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.snapshot.SnapshotStrategy;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Tells Spring Boot that the storage, the event store, the repositories and the snapshot strategy need the
 * database initialized, so that a bean that reads events while it is created finds the tables made (and a
 * Cassandra store, which prepares its statements when created, finds them at all).
 */
class EventStoreDependsOnDatabaseInitializationDetector
        extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ActiveRecordStrategy.class, EventStore.class, EventSourcedRepository.class, SnapshotStrategy.class);
    }
}
