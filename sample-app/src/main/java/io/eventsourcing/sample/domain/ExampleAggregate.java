package io.eventsourcing.sample.domain;

import io.eventsourcing.domain.AggregateRoot;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The seed's step 7: an aggregate root that creates entities within itself. Its events stay pending
 * until its repository saves them together, in one atomic append.
 */
public class ExampleAggregate extends AggregateRoot {

    /** Published when an aggregate is created. */
    public record Created(UUID originatorId, long originatorVersion, Instant timestamp) implements VersionedEvent {
    }

    /** Published when an entity is created within the aggregate. */
    public record EntityCreated(UUID originatorId, long originatorVersion, Instant timestamp, UUID entityId)
            implements VersionedEvent {
    }

    private final Set<UUID> entityIds = new LinkedHashSet<>();

    ExampleAggregate(Created event) {
        super(event);
    }

    /** A new aggregate, with a new id; its creation is pending until it is saved. */
    public static ExampleAggregate create() {
        return create(Created::new, ExampleAggregate::new);
    }

    /** The number of entities in the aggregate, saved or pending. */
    public int getEntityCount() {
        return entityIds.size();
    }

    /** Creates an entity within the aggregate, with a new id; pending until saved. */
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
