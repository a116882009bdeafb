package io.eventsourcing.example;

import io.eventsourcing.domain.AggregateEvent;
import io.eventsourcing.domain.AggregateRoot;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

// tag::aggregate[]
/** The seed's step 7: an aggregate root that controls a set of entities and saves its events together. */
public class ExampleAggregateRoot extends AggregateRoot {

    /** Published when an aggregate is created. */
    public record AggregateCreated(UUID aggregateId, long aggregateVersion, Instant timestamp)
            implements AggregateEvent {
    }

    /** Published when an entity is created within the aggregate. */
    public record EntityCreated(UUID aggregateId, long aggregateVersion, Instant timestamp, UUID entityId)
            implements AggregateEvent {
    }

    private final Set<UUID> entityIds = new LinkedHashSet<>();

    ExampleAggregateRoot(AggregateCreated event) {
        super(event);
    }

    /** A new aggregate, whose creation is pending until it is saved. */
    public static ExampleAggregateRoot create() {
        return create(new AggregateCreated(UUID.randomUUID(), 0, Timestamps.now()), ExampleAggregateRoot::new);
    }

    public int countEntities() {
        return entityIds.size();
    }

    public void createNewEntity() {
        trigger(new EntityCreated(getId(), getVersion(), Timestamps.now(), UUID.randomUUID()));
    }

    @Override
    protected void when(VersionedEvent event) {
        if (event instanceof EntityCreated created) {
            entityIds.add(created.entityId());
        } else {
            super.when(event);
        }
    }
}
// end::aggregate[]
