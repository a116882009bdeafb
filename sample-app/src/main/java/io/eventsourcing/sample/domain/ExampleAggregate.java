package io.eventsourcing.sample.domain;

import io.eventsourcing.domain.AggregateEvent;
import io.eventsourcing.domain.AggregateRoot;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The seed's step 7: an aggregate root that creates entities within itself. Its events stay pending
 * until {@link #save()}, which publishes them together so that they are stored in one atomic append.
 */
public class ExampleAggregate extends AggregateRoot {

    /** Published when an aggregate is created. */
    public record Created(UUID aggregateId, long aggregateVersion, Instant timestamp) implements AggregateEvent {
    }

    /** Published when an entity is created within the aggregate. */
    public record EntityCreated(UUID aggregateId, long aggregateVersion, Instant timestamp, UUID entityId)
            implements AggregateEvent {
    }

    private final Set<UUID> entityIds = new LinkedHashSet<>();

    ExampleAggregate(Created event) {
        super(event);
    }

    /** A new aggregate, with a new id; its creation is pending until it is saved. */
    public static ExampleAggregate create() {
        return create(new Created(UUID.randomUUID(), 0, Timestamps.now()), ExampleAggregate::new);
    }

    /** The number of entities in the aggregate, saved or pending. */
    public int getEntityCount() {
        return entityIds.size();
    }

    /** Creates an entity within the aggregate, with a new id; pending until saved. */
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
