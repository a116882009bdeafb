package io.eventsourcing.infrastructure.codec;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.infrastructure.EventSequencing;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events as JSON, written and read by a {@linkplain FaithfulJsonMapper faithful copy} of the application's Jackson
 * mapper, with a writer and a reader cached per event class. The JSON holds the event's own attributes only: the
 * sequence id and position are read from the item's columns (see {@link SequencingIntrospector}), and the
 * timestamp is written as a number of microseconds since the epoch. Thread-safe.
 */
public final class JacksonTranscoder implements Transcoder {

    private final EventSequencing sequencing;
    private final JsonMapper jsonMapper;
    private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();
    private final Map<Class<?>, Reading> readers = new ConcurrentHashMap<>();

    /** How events of one class are read: the reader, and how a position becomes the position attribute's value. */
    private record Reading(ObjectReader reader, LongFunction<Object> positionValue) {
    }

    public JacksonTranscoder(JsonMapper jsonMapper, EventSequencing sequencing) {
        this.sequencing = Objects.requireNonNull(sequencing, "sequencing");
        this.jsonMapper = FaithfulJsonMapper.copyOf(Objects.requireNonNull(jsonMapper, "jsonMapper")).rebuild()
                .addModule(new SequencingIntrospector(sequencing).module())
                .addModule(RecordConstructorCalls.module())
                .build();
    }

    @Override
    public EventSequencing sequencing() {
        return sequencing;
    }

    @Override
    public byte[] encode(DomainEvent event) {
        try {
            return writers.computeIfAbsent(event.getClass(), jsonMapper::writerFor).writeValueAsBytes(event);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Cannot write " + event.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public <E extends DomainEvent> E decode(Class<E> eventClass, UUID sequenceId, long position, byte[] data) {
        Reading reading = readers.computeIfAbsent(eventClass, this::reading);
        try {
            return eventClass.cast(reading.reader().with(new ColumnValues(sequencing, sequenceId,
                    reading.positionValue().apply(position))).readValue(data));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    private Reading reading(Class<?> eventClass) {
        if (EventSequencing.isPlacedByStore(eventClass)) {
            return new Reading(jsonMapper.readerFor(eventClass), position -> position); // has no sequencing attributes
        }
        Class<?> positionType = sequencing.positionType(eventClass.asSubclass(DomainEvent.class));
        LongFunction<Object> positionValue;
        if (positionType == Instant.class) {
            positionValue = Timestamps::ofMicros;
        } else if (positionType == int.class || positionType == Integer.class) {
            positionValue = position -> Math.toIntExact(position);
        } else if (positionType == short.class || positionType == Short.class) {
            positionValue = position -> (short) position;
        } else {
            positionValue = position -> position;
        }
        return new Reading(jsonMapper.readerFor(eventClass), positionValue);
    }

    @Override
    public String toString() {
        return "JacksonTranscoder[" + sequencing + "]";
    }
}
