package io.eventsourcing.domain;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Layer supertype of entities whose state is the fold of their events: an id, a version (the number of
 * events applied), created-on and last-modified-on times, and a discarded flag.
 * <p>
 * A command method builds an event and passes it to {@link #trigger(VersionedEvent)}, which applies it
 * to this entity with {@link #mutate(VersionedEvent)} and publishes it. Subclasses apply their own
 * events in {@link #when(VersionedEvent)}, and have a constructor taking the event that creates them, so
 * that {@link Mutator#ofEntityClass(Class)} can replay their stored events.
 */
public abstract class TimestampedVersionedEntity {

    private final UUID id;
    private long version;
    private final Instant createdOn;
    private Instant lastModifiedOn;
    private boolean discarded;

    /** Builds the entity from the event that creates it; its version is then that event's version + 1. */
    protected TimestampedVersionedEntity(VersionedEvent created) {
        this.id = Objects.requireNonNull(created.originatorId(), "originatorId");
        this.version = created.originatorVersion() + 1;
        this.createdOn = created.timestamp();
        this.lastModifiedOn = created.timestamp();
    }

    /**
     * Creates an entity: builds it from the event, then publishes the event (or, for an aggregate, keeps
     * it pending until {@link AggregateRoot#save()}).
     */
    protected static <E extends VersionedEvent, T extends TimestampedVersionedEntity> T create(
            E created, Function<? super E, T> constructor) {
        T entity = constructor.apply(created);
        entity.publish(created);
        return entity;
    }

    public UUID getId() {
        return id;
    }

    /** The number of events applied to this entity. */
    public long getVersion() {
        return version;
    }

    public Instant getCreatedOn() {
        return createdOn;
    }

    public Instant getLastModifiedOn() {
        return lastModifiedOn;
    }

    public boolean isDiscarded() {
        return discarded;
    }

    /** Sets an attribute (a field of the subclass) through an event, as the seed's {@code change_attribute}. */
    public void changeAttribute(String name, Object value) {
        trigger(attributeChanged(name, value));
    }

    /** Discards this entity: it can no longer be changed, and repositories no longer return it. */
    public void discard() {
        trigger(discarded());
    }

    /**
     * Applies an event to this entity: the event must belong to it and be the next in its sequence.
     *
     * @throws MismatchedOriginatorException if the event's originator id or version differ from this entity's
     * @throws EntityIsDiscardedException if the entity is discarded
     */
    public final void mutate(VersionedEvent event) {
        if (!id.equals(event.originatorId())) {
            throw new MismatchedOriginatorException(event.getClass().getSimpleName() + " of " + event.originatorId()
                    + " cannot be applied to " + getClass().getSimpleName() + " " + id);
        }
        if (event.originatorVersion() != version) {
            throw new MismatchedOriginatorException(event.getClass().getSimpleName() + " at version "
                    + event.originatorVersion() + " cannot be applied to " + getClass().getSimpleName() + " " + id
                    + " at version " + version);
        }
        assertNotDiscarded();
        if (event instanceof AttributeChangedEvent change) {
            setAttribute(change.name(), change.value());
        } else if (event instanceof DiscardedEvent) {
            discarded = true;
        } else {
            when(event);
        }
        version++;
        lastModifiedOn = event.timestamp();
    }

    /** Applies this subclass's own events to its state; called by {@link #mutate(VersionedEvent)}. */
    protected void when(VersionedEvent event) {
        throw new IllegalArgumentException(getClass().getSimpleName() + " does not handle "
                + event.getClass().getName());
    }

    /** Applies a new event to this entity and publishes it. */
    protected final void trigger(VersionedEvent event) {
        assertNotDiscarded();
        mutate(event);
        publish(event);
    }

    /** Publishes an event this entity has applied; an aggregate keeps it pending instead. */
    protected void publish(VersionedEvent event) {
        DomainEvents.publish(event);
    }

    /** The event that sets an attribute of this entity. */
    protected AttributeChangedEvent attributeChanged(String name, Object value) {
        return new AttributeChanged(id, version, Timestamps.now(), name, value);
    }

    /** The event that discards this entity. */
    protected DiscardedEvent discarded() {
        return new Discarded(id, version, Timestamps.now());
    }

    /** Sets a field declared by a subclass; override to set attributes another way. */
    protected void setAttribute(String name, Object value) {
        Field field = findSubclassField(name);
        try {
            field.setAccessible(true);
            field.set(this, value);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot set attribute '" + name + "' of "
                    + getClass().getSimpleName() + " " + id + ": " + e.getMessage(), e);
        }
    }

    private Field findSubclassField(String name) {
        for (Class<?> type = getClass(); type != TimestampedVersionedEntity.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals(name) && !Modifier.isStatic(field.getModifiers())) {
                    return field;
                }
            }
        }
        throw new IllegalArgumentException(getClass().getSimpleName() + " has no attribute '" + name + "'");
    }

    private void assertNotDiscarded() {
        if (discarded) {
            throw new EntityIsDiscardedException(getClass(), id);
        }
    }

    /** Published when an attribute of an entity is changed. */
    public record AttributeChanged(UUID entityId, long entityVersion, Instant timestamp, String name,
                                   Object value) implements EntityEvent, AttributeChangedEvent {
    }

    /** Published when an entity is discarded. */
    public record Discarded(UUID entityId, long entityVersion, Instant timestamp)
            implements EntityEvent, DiscardedEvent {
    }
}
