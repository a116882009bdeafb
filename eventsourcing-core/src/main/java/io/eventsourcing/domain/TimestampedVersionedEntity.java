package io.eventsourcing.domain;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Layer supertype of entities whose state is the fold of their events: an id, a version (the number of
 * events applied), created-on and last-modified-on times, and a discarded flag.
 * <p>
 * A command method passes a factory of its event to {@link #trigger(EventFactory)}, which makes the event
 * with this entity's id, version and the current time, applies it with {@link #mutate(VersionedEvent)},
 * and keeps it pending until the entity's repository saves it. Subclasses apply their own events in
 * {@link #when(VersionedEvent)}, and have a constructor taking the event that creates them, so that
 * {@link Mutator#ofEntityClass(Class)} can replay their stored events.
 */
public abstract class TimestampedVersionedEntity implements PendingEvents {

    private final UUID id;
    private long version;
    private final Instant createdOn;
    private Instant lastModifiedOn;
    private boolean discarded;
    // Transient and created lazily: not part of a snapshot, and absent from an instance restored from one.
    private transient List<VersionedEvent> pendingEvents;

    /** Builds the entity from the event that creates it; its version is then that event's version + 1. */
    protected TimestampedVersionedEntity(VersionedEvent created) {
        this.id = Objects.requireNonNull(created.originatorId(), "originatorId");
        this.version = created.originatorVersion() + 1;
        this.createdOn = created.timestamp();
        this.lastModifiedOn = created.timestamp();
    }

    /**
     * Creates an entity with a new random id: makes the creating event at version 0, builds the entity from
     * it, and keeps the event pending until the entity is saved.
     */
    protected static <E extends VersionedEvent, T extends TimestampedVersionedEntity> T create(
            EventFactory<E> created, Function<? super E, T> constructor) {
        return create(UUID.randomUUID(), created, constructor);
    }

    /** Creates an entity with the given id, as {@link #create(EventFactory, Function)} does. */
    protected static <E extends VersionedEvent, T extends TimestampedVersionedEntity> T create(
            UUID id, EventFactory<E> created, Function<? super E, T> constructor) {
        E event = created.create(Objects.requireNonNull(id, "id"), 0, Timestamps.now());
        T entity = constructor.apply(event);
        ((TimestampedVersionedEntity) entity).pending().add(event);
        return entity;
    }

    public UUID getId() {
        return id;
    }

    /** The number of events applied to this entity, saved or pending. */
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

    /**
     * Sets an attribute (a field of the subclass) through an event, as the seed's {@code change_attribute}.
     * The event records the field's declared type, so that the value reads back as that type.
     *
     * @throws IllegalArgumentException if there is no such field, the value does not fit it, or its type
     *         is not one whose values are stored faithfully ({@link AttributeValueTypes})
     */
    public void changeAttribute(String name, Object value) {
        Field field = findSubclassField(name);
        AttributeValueTypes.requireStorable(field.getGenericType());
        AttributeValue typed = new AttributeValue(field.getGenericType().getTypeName(), value);
        trigger((originatorId, originatorVersion, timestamp) ->
                new AttributeChanged(originatorId, originatorVersion, timestamp, name, typed));
    }

    /** Discards this entity: it can no longer be changed, and repositories no longer return it. */
    public void discard() {
        trigger(Discarded::new);
    }

    @Override
    public List<VersionedEvent> getPendingEvents() {
        return List.copyOf(pending());
    }

    @Override
    public void clearPendingEvents() {
        pending().clear();
    }

    /**
     * Applies an event to this entity: the event must belong to it and be the next in its sequence.
     *
     * @throws MismatchedOriginatorException if the event's originator id or version differ from this entity's
     * @throws EntityIsDiscardedException if the entity is discarded
     */
    public final void mutate(VersionedEvent event) {
        apply(event, version);
        version++;
    }

    /**
     * Applies an event that an upcaster split from the same stored event as the event applied before it: both
     * take one position of the sequence, so the version stays where that event left it.
     */
    final void mutateAlongside(VersionedEvent event) {
        apply(event, version - 1);
    }

    private void apply(VersionedEvent event, long atVersion) {
        if (!id.equals(event.originatorId())) {
            throw new MismatchedOriginatorException(event.getClass().getSimpleName() + " of " + event.originatorId()
                    + " cannot be applied to " + getClass().getSimpleName() + " " + id);
        }
        if (event.originatorVersion() != atVersion) {
            throw new MismatchedOriginatorException(event.getClass().getSimpleName() + " at version "
                    + event.originatorVersion() + " cannot be applied to " + getClass().getSimpleName() + " " + id
                    + " at version " + atVersion);
        }
        assertNotDiscarded();
        if (event instanceof AttributeChanged change) {
            setAttribute(change.name(), change.value().value());
        } else if (event instanceof Discarded) {
            discarded = true;
        } else {
            when(event);
        }
        lastModifiedOn = event.timestamp();
    }

    /** Applies this subclass's own events to its state; called by {@link #mutate(VersionedEvent)}. */
    protected void when(VersionedEvent event) {
        throw new EventNotApplicableException(getClass().getSimpleName() + " does not handle "
                + event.getClass().getName());
    }

    /**
     * Makes a new event of this entity at its current version and time, applies it, and keeps it pending
     * until the entity is saved.
     *
     * @return the event
     * @throws EntityIsDiscardedException if the entity is discarded
     */
    protected final <E extends VersionedEvent> E trigger(EventFactory<E> factory) {
        assertNotDiscarded();
        E event = factory.create(id, version, Timestamps.now());
        mutate(event);
        pending().add(event);
        return event;
    }

    /** Sets a field declared by a subclass; override to set attributes another way. */
    protected void setAttribute(String name, Object value) {
        Field field = findSubclassField(name);
        try {
            field.setAccessible(true);
            field.set(this, value);
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot set attribute '" + name + "' of "
                    + getClass().getSimpleName() + " " + id + " to a " + (value == null ? "null" : value.getClass()
                    .getName()) + ": it holds a " + field.getGenericType().getTypeName(), e);
        }
    }

    private List<VersionedEvent> pending() {
        if (pendingEvents == null) {
            pendingEvents = new ArrayList<>();
        }
        return pendingEvents;
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

    /**
     * Published when an attribute of an entity is changed.
     *
     * @param name the field
     * @param value the new value, with the field's declared type
     */
    public record AttributeChanged(UUID originatorId, long originatorVersion, Instant timestamp, String name,
                                   AttributeValue value) implements VersionedEvent {
    }

    /**
     * A value of an attribute with the declared type of its field, so that it reads back as that type.
     *
     * @param type the field's declared type, as {@link java.lang.reflect.Type#getTypeName()} gives it
     * @param value the value, possibly {@code null}
     */
    public record AttributeValue(String type, Object value) {
    }

    /** Published when an entity is discarded. */
    public record Discarded(UUID originatorId, long originatorVersion, Instant timestamp) implements VersionedEvent {
    }
}
