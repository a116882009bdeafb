package io.eventsourcing.sample.domain;

import io.eventsourcing.domain.EntityEvent;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The seed's example entity (steps 1 to 5): it has a {@code foo}, which can be changed, and it can be
 * discarded. Every change is an event, applied to the entity and published; the application's
 * persistence policy stores it, and the repository replays the stored events to get the entity back.
 */
public class Example extends TimestampedVersionedEntity {

    /** Published when an example is created. */
    public record Created(UUID entityId, long entityVersion, Instant timestamp, String foo) implements EntityEvent {
    }

    /** Published when the {@code foo} of an example is changed. */
    public record FooChanged(UUID entityId, long entityVersion, Instant timestamp, String foo)
            implements EntityEvent {
    }

    private String foo;

    Example(Created event) {
        super(event);
        this.foo = event.foo();
    }

    /** Creates an example, with a new id, and publishes its {@link Created} event. */
    public static Example create(String foo) {
        Objects.requireNonNull(foo, "foo");
        return create(new Created(UUID.randomUUID(), 0, Timestamps.now(), foo), Example::new);
    }

    public String getFoo() {
        return foo;
    }

    /** Changes {@code foo}, publishing {@link FooChanged}. */
    public void changeFoo(String value) {
        Objects.requireNonNull(value, "value");
        trigger(new FooChanged(getId(), getVersion(), Timestamps.now(), value));
    }

    @Override
    protected void when(VersionedEvent event) {
        if (event instanceof FooChanged changed) {
            foo = changed.foo();
        } else {
            super.when(event);
        }
    }
}
