package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.DomainEvent;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps domain events to sequenced items and back: the sequence id and position from the event's
 * attributes ({@link EventSequencing}), the topic from its class ({@link TopicResolver}), the data as
 * JSON written by Jackson. The only place that knows how events are serialised.
 * <p>
 * Immutable and thread-safe. Build with {@link #builder()}.
 */
public final class SequencedItemMapper {

    private final JsonMapper jsonMapper;
    private final EventSequencing sequencing;
    private final TopicResolver topicResolver;

    private SequencedItemMapper(Builder builder) {
        this.jsonMapper = builder.jsonMapper;
        this.sequencing = builder.sequencing;
        this.topicResolver = builder.topicResolver;
    }

    /** A mapper with the defaults: entity sequencing, class-name topics, a default Jackson mapper. */
    public static SequencedItemMapper create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The sequenced item of an event. */
    public SequencedItem toSequencedItem(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        String data;
        try {
            data = jsonMapper.writeValueAsString(event);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Cannot serialise " + event.getClass().getName() + ": "
                    + e.getOriginalMessage(), e);
        }
        return new SequencedItem(sequencing.sequenceIdOf(event), sequencing.positionOf(event),
                topicResolver.topicOf(event.getClass()), data);
    }

    /**
     * The event of a sequenced item.
     *
     * @throws TopicResolutionException if the topic names no event class
     * @throws DataIntegrityException if the data cannot be read as an event of that class
     */
    public DomainEvent fromSequencedItem(SequencedItem item) {
        Class<? extends DomainEvent> eventClass;
        try {
            eventClass = topicResolver.classOf(item.topic());
        } catch (IllegalArgumentException e) {
            throw new TopicResolutionException("Cannot read the event of " + item.describe() + ": "
                    + e.getMessage(), e);
        }
        try {
            return jsonMapper.readValue(item.data(), eventClass);
        } catch (JacksonException e) {
            throw new DataIntegrityException("Cannot read the event of " + item.describe() + " as "
                    + eventClass.getName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Which event attributes give the sequence id and position. */
    public EventSequencing getSequencing() {
        return sequencing;
    }

    /** Builds a {@link SequencedItemMapper}; every setting has a default. */
    public static final class Builder {

        private JsonMapper jsonMapper = JsonMapper.builder().build();
        private EventSequencing sequencing = EventSequencing.ENTITY;
        private TopicResolver topicResolver = new ClassTopicResolver();

        private Builder() {
        }

        /** The Jackson mapper that writes and reads event data. */
        public Builder jsonMapper(JsonMapper jsonMapper) {
            this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
            return this;
        }

        /** Which event attributes give the sequence id and position; {@link EventSequencing#ENTITY} by default. */
        public Builder sequencing(EventSequencing sequencing) {
            this.sequencing = Objects.requireNonNull(sequencing, "sequencing");
            return this;
        }

        /** How event classes are named in storage; {@link ClassTopicResolver} by default. */
        public Builder topicResolver(TopicResolver topicResolver) {
            this.topicResolver = Objects.requireNonNull(topicResolver, "topicResolver");
            return this;
        }

        public SequencedItemMapper build() {
            return new SequencedItemMapper(this);
        }
    }
}
