package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.Encrypted;
import io.eventsourcing.infrastructure.cipher.Cipher;
import io.eventsourcing.infrastructure.cipher.DecryptionException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps domain events to sequenced items and back: the sequence id and position from the event's
 * attributes ({@link EventSequencing}), the topic from its class ({@link TopicResolver}), the data as
 * JSON written by Jackson, encrypted by a {@link Cipher} when one is set: for every event, or only for
 * event classes annotated {@link Encrypted}. The only place that knows how events are serialised.
 * <p>
 * Immutable and thread-safe. Build with {@link #builder()}.
 */
public final class SequencedItemMapper {

    private final JsonMapper jsonMapper;
    private final EventSequencing sequencing;
    private final TopicResolver topicResolver;
    private final @Nullable Cipher cipher;
    private final boolean alwaysEncrypt;

    private SequencedItemMapper(Builder builder) {
        this.jsonMapper = FaithfulJsonMapper.copyOf(builder.jsonMapper);
        this.sequencing = builder.sequencing;
        this.topicResolver = builder.topicResolver;
        this.cipher = builder.cipher;
        this.alwaysEncrypt = builder.alwaysEncrypt;
    }

    /** A mapper with the defaults: originator sequencing, class-name topics, a default Jackson mapper. */
    public static SequencedItemMapper create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The sequenced item of an event. */
    public SequencedItem toSequencedItem(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        Cipher encryption = cipherFor(event.getClass());
        String data;
        try {
            data = encryption == null ? jsonMapper.writeValueAsString(event)
                    : encryption.encrypt(jsonMapper.writeValueAsBytes(event));
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
     * @throws DataIntegrityException if the data cannot be decrypted, or read as an event of that class
     */
    public DomainEvent fromSequencedItem(SequencedItem item) {
        Class<? extends DomainEvent> eventClass;
        try {
            eventClass = topicResolver.classOf(item.topic());
        } catch (IllegalArgumentException e) {
            throw new TopicResolutionException("Cannot read the event of " + item.describe() + ": "
                    + e.getMessage(), e);
        }
        Cipher encryption = cipherFor(eventClass);
        try {
            return encryption == null ? jsonMapper.readValue(item.data(), eventClass)
                    : jsonMapper.readValue(decrypt(encryption, item), eventClass);
        } catch (JacksonException e) {
            throw new DataIntegrityException("Cannot read the event of " + item.describe() + " as "
                    + eventClass.getName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static byte[] decrypt(Cipher cipher, SequencedItem item) {
        try {
            return cipher.decrypt(item.data());
        } catch (DecryptionException e) {
            throw new DataIntegrityException("Cannot decrypt the event of " + item.describe() + ": " + e.getMessage(), e);
        }
    }

    private @Nullable Cipher cipherFor(Class<? extends DomainEvent> eventClass) {
        return alwaysEncrypt || eventClass.isAnnotationPresent(Encrypted.class) ? cipher : null;
    }

    /** Which event attributes give the sequence id and position. */
    public EventSequencing getSequencing() {
        return sequencing;
    }

    /** Builds a {@link SequencedItemMapper}; every setting has a default. */
    public static final class Builder {

        private JsonMapper jsonMapper = JsonMapper.builder().build();
        private EventSequencing sequencing = EventSequencing.ORIGINATOR;
        private TopicResolver topicResolver = new ClassTopicResolver();
        private @Nullable Cipher cipher;
        private boolean alwaysEncrypt = true;

        private Builder() {
        }

        /** The Jackson mapper that writes and reads event data. */
        public Builder jsonMapper(JsonMapper jsonMapper) {
            this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
            return this;
        }

        /** Which event attributes give the sequence id and position; {@link EventSequencing#ORIGINATOR} by default. */
        public Builder sequencing(EventSequencing sequencing) {
            this.sequencing = Objects.requireNonNull(sequencing, "sequencing");
            return this;
        }

        /** How event classes are named in storage; {@link ClassTopicResolver} by default. */
        public Builder topicResolver(TopicResolver topicResolver) {
            this.topicResolver = Objects.requireNonNull(topicResolver, "topicResolver");
            return this;
        }

        /** The cipher that encrypts event data; none by default, and then nothing is encrypted. */
        public Builder cipher(@Nullable Cipher cipher) {
            this.cipher = cipher;
            return this;
        }

        /**
         * Whether the cipher encrypts every event (the default), or only the classes annotated
         * {@link Encrypted}.
         */
        public Builder alwaysEncrypt(boolean alwaysEncrypt) {
            this.alwaysEncrypt = alwaysEncrypt;
            return this;
        }

        public SequencedItemMapper build() {
            return new SequencedItemMapper(this);
        }
    }
}
