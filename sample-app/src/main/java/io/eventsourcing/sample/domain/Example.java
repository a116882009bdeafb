package io.eventsourcing.sample.domain;

import io.eventsourcing.domain.PersonalData;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The seed's example entity (steps 1 to 5): it has a {@code foo}, which can be changed, and it can be
 * discarded. Every change is an event, applied to the entity and kept pending until the entity's repository
 * saves it; the repository replays the stored events to get the entity back.
 * <p>
 * Its {@code foo} is personal data ({@link PersonalData}): stored encrypted under a key of the example's own, and
 * erased from every event by forgetting the example. Erased events read back with {@code foo} null, and no
 * example is rebuilt from them.
 */
public class Example extends TimestampedVersionedEntity {

    /** Published when an example is created. */
    public record Created(UUID originatorId, long originatorVersion, Instant timestamp,
                          @PersonalData @Nullable String foo) implements VersionedEvent {
    }

    /** Published when the {@code foo} of an example is changed. */
    public record FooChanged(UUID originatorId, long originatorVersion, Instant timestamp,
                             @PersonalData @Nullable String foo) implements VersionedEvent {
    }

    private String foo;

    Example(Created event) {
        super(event);
        this.foo = event.foo();
    }

    /** Creates an example, with a new id; its {@link Created} event is pending until it is saved. */
    public static Example create(String foo) {
        Objects.requireNonNull(foo, "foo");
        return create((id, version, timestamp) -> new Created(id, version, timestamp, foo), Example::new);
    }

    public String getFoo() {
        return foo;
    }

    /** Changes {@code foo} with a {@link FooChanged} event, pending until the example is saved. */
    public void changeFoo(String value) {
        Objects.requireNonNull(value, "value");
        trigger((id, version, timestamp) -> new FooChanged(id, version, timestamp, value));
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
