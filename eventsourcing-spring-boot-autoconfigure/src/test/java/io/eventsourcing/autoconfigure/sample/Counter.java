package io.eventsourcing.autoconfigure.sample;

import io.eventsourcing.domain.EventTopic;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.UUID;

/** An entity that extends the library's base class. */
public class Counter extends TimestampedVersionedEntity {

    /** Published when a counter is created; stored under a topic of its own. */
    @EventTopic("counter-created")
    public record Created(UUID originatorId, long originatorVersion, Instant timestamp, String name)
            implements VersionedEvent {
    }

    /** Published when a counter counts one more. */
    public record Incremented(UUID originatorId, long originatorVersion, Instant timestamp)
            implements VersionedEvent {
    }

    private final String name;
    private int count;

    Counter(Created created) {
        super(created);
        this.name = created.name();
    }

    public static Counter create(String name) {
        return create((id, version, timestamp) -> new Created(id, version, timestamp, name), Counter::new);
    }

    public void increment() {
        trigger(Incremented::new);
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
