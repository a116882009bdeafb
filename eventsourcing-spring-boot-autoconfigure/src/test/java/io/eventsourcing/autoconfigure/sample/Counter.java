package io.eventsourcing.autoconfigure.sample;

import io.eventsourcing.domain.EntityEvent;
import io.eventsourcing.domain.EventTopic;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.UUID;

/** An entity that extends the library's base class. */
public class Counter extends TimestampedVersionedEntity {

    /** Published when a counter is created; stored under a topic of its own. */
    @EventTopic("counter-created")
    public record Created(UUID entityId, long entityVersion, Instant timestamp, String name) implements EntityEvent {
    }

    /** Published when a counter counts one more. */
    public record Incremented(UUID entityId, long entityVersion, Instant timestamp) implements EntityEvent {
    }

    private final String name;
    private int count;

    Counter(Created created) {
        super(created);
        this.name = created.name();
    }

    public static Counter create(String name) {
        return create(new Created(UUID.randomUUID(), 0, Timestamps.now(), name), Counter::new);
    }

    public void increment() {
        trigger(new Incremented(getId(), getVersion(), Timestamps.now()));
    }

    public String getName() {
        return name;
    }

    public int getCount() {
        return count;
    }

    @Override
    protected void when(VersionedEvent event) {
        if (event instanceof Incremented) {
            count++;
        } else {
            super.when(event);
        }
    }
}
