package io.eventsourcing.example;

import io.eventsourcing.domain.AggregateRoot;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

// tag::aggregate[]
/** The seed's step 7: an aggregate root that controls a set of entities and saves its events together. */
public class ExampleAggregateRoot extends AggregateRoot {

    /** Published when an aggregate is created. */
    public record AggregateCreated(UUID originatorId, long originatorVersion, Instant timestamp)
            implements VersionedEvent {
    }

    /** Published when an entity is created within the aggregate. */
    public record EntityCreated(UUID originatorId, long originatorVersion, Instant timestamp, UUID entityId)
            implements VersionedEvent {
    }

    private final Set<UUID> entityIds = new LinkedHashSet<>();

    ExampleAggregateRoot(AggregateCreated event) {
        super(event);
    }

    /** A new aggregate, whose creation is pending until it is saved. */
    public static ExampleAggregateRoot create() {
        return create(AggregateCreated::new, ExampleAggregateRoot::new);
    }

    public int countEntities() {
        return entityIds.size();
    }

    public void createNewEntity() {
        UUID entityId = UUID.randomUUID();
        trigger((id, version, timestamp) -> new EntityCreated(id, version, timestamp, entityId));
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
