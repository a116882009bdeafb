package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.PersonalDataForgotten;
import io.eventsourcing.domain.TaggedEvent;
import io.eventsourcing.domain.Timestamps;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which attributes of an event give its sequenced item's sequence id and position: by default the
 * originator's id and version ({@link #ORIGINATOR}); the originator's id and the timestamp for
 * time-sequenced events ({@link #TIMESTAMPED}), whose position is the timestamp in microseconds; or
 * attributes of the application's own naming.
 * <p>
 * An attribute is a public no-argument method of the event, such as a record component's accessor.
 * Immutable and thread-safe; accessors are looked up once per event class.
 *
 * @param sequenceIdAttribute the attribute holding the sequence id, a {@link UUID}
 * @param positionAttribute the attribute holding the position, an integral number or an {@link Instant}
 */
public record EventSequencing(String sequenceIdAttribute, String positionAttribute) {

    // Declared before the constants below, whose construction uses it.
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    /** Integer-sequenced by {@code originatorId} and {@code originatorVersion}, as every {@code VersionedEvent} is. */
    public static final EventSequencing ORIGINATOR = new EventSequencing("originatorId", "originatorVersion");

    /** Time-sequenced by {@code originatorId} and {@code timestamp}, as every {@code TimestampedEvent} is. */
    public static final EventSequencing TIMESTAMPED = new EventSequencing("originatorId", "timestamp");

    public EventSequencing {
        requireAttribute(sequenceIdAttribute, "sequenceIdAttribute");
        requireAttribute(positionAttribute, "positionAttribute");
    }

    /** The sequence id of an event. */
    public UUID sequenceIdOf(DomainEvent event) {
        Object value = read(event, sequenceIdAttribute);
        if (value instanceof UUID uuid) {
            return uuid;
        }
        throw new IllegalArgumentException(event.getClass().getName() + "." + sequenceIdAttribute
                + "() must return a non-null UUID to be a sequence id, returned " + value);
    }

    /**
     * The position of an event in its sequence: its integral position attribute, or its instant in
     * microseconds since the epoch.
     *
     * @throws IllegalArgumentException if the attribute is neither, or an instant finer than a microsecond
     */
    public long positionOf(DomainEvent event) {
        Object value = read(event, positionAttribute);
        if (value instanceof Instant instant) {
            if (instant.getNano() % 1000 != 0) {
                throw new IllegalArgumentException(event.getClass().getName() + "." + positionAttribute + "() is "
                        + instant + ", finer than the microsecond that a position holds: take it from Timestamps.now()");
            }
            return Timestamps.toMicros(instant);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException(event.getClass().getName() + "." + positionAttribute
                + "() must return an integral number or an Instant to be a position, returned " + value);
    }

    /**
     * Whether events of a class have no sequencing attributes, their store placing them: tagged events, which
     * belong to no entity, and {@link PersonalDataForgotten}.
     */
    public static boolean isPlacedByStore(Class<?> eventClass) {
        return TaggedEvent.class.isAssignableFrom(eventClass) || eventClass == PersonalDataForgotten.class;
    }

    /** The type of the position attribute of an event class. */
    public Class<?> positionType(Class<? extends DomainEvent> eventClass) {
        return EventAccessors.of(eventClass, positionAttribute).getReturnType();
    }

    private static Object read(DomainEvent event, String attribute) {
        Method accessor = EventAccessors.of(event.getClass(), attribute);
        try {
            return accessor.invoke(event);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("Reading " + attribute + " of " + event.getClass().getName()
                    + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("Cannot read " + attribute + " of " + event.getClass().getName(), e);
        }
    }

    private static void requireAttribute(String attribute, String name) {
        Objects.requireNonNull(attribute, name);
        if (!ATTRIBUTE.matcher(attribute).matches()) {
            throw new InvalidSettingException(name, name + " must be a Java identifier, was '" + attribute + "'");
        }
    }
}
