package io.eventsourcing.example;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.DomainEvents;
import io.eventsourcing.domain.Timestamps;
import java.time.Instant;
import java.util.UUID;

// tag::example[]
/** The seed's example entity, written without the library's base classes: events, a mutator, publish. */
public class Example {

    private final UUID id;
    private long version;
    private boolean discarded;
    private final Instant createdOn;
    private Instant lastModifiedOn;
    private String foo;

    Example(UUID id, long version, String foo, Instant timestamp) {
        this.id = id;
        this.version = version;
        this.foo = foo;
        this.createdOn = timestamp;
        this.lastModifiedOn = timestamp;
    }

    public UUID getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public boolean isDiscarded() {
        return discarded;
    }

    public Instant getCreatedOn() {
        return createdOn;
    }

    public Instant getLastModifiedOn() {
        return lastModifiedOn;
    }

    public String getFoo() {
        return foo;
    }

    public void setFoo(String value) {
        assertNotDiscarded();
        ValueChanged event = new ValueChanged(id, version, Timestamps.now(), "foo", value);
        mutate(this, event);
        DomainEvents.publish(event);
    }

    public void discard() {
        assertNotDiscarded();
        Discarded event = new Discarded(id, version, Timestamps.now());
        mutate(this, event);
        DomainEvents.publish(event);
    }

    /** Factory method for Example entities. */
    public static Example createNewExample(String foo) {
        Created event = new Created(UUID.randomUUID(), 0, Timestamps.now(), foo);
        Example entity = mutate(null, event);
        DomainEvents.publish(event);
        return entity;
    }

    /** Mutator function for Example entities. */
    public static Example mutate(Example entity, DomainEvent event) {
        if (event instanceof Created created) {
            return new Example(created.originatorId(), created.originatorVersion() + 1, created.foo(), created.timestamp());
        }
        if (event instanceof ValueChanged changed && changed.name().equals("foo")) {
            entity.assertNotDiscarded();
            entity.foo = changed.value();
            entity.version++;
            entity.lastModifiedOn = changed.timestamp();
            return entity;
        }
        if (event instanceof Discarded) {
            entity.assertNotDiscarded();
            entity.version++;
            entity.discarded = true;
            return null;
        }
        throw new IllegalArgumentException("Unsupported event " + event);
    }

    private void assertNotDiscarded() {
        if (discarded) {
            throw new IllegalStateException("Example " + id + " is discarded");
        }
    }
}
// end::example[]
