package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.Encrypted;
import io.eventsourcing.domain.PersonalData;
import io.eventsourcing.domain.PersonalDataForgotten;
import io.eventsourcing.domain.TaggedEvent;
import io.eventsourcing.infrastructure.codec.Cipher;
import io.eventsourcing.infrastructure.codec.Compressor;
import io.eventsourcing.infrastructure.codec.DecryptionException;
import io.eventsourcing.infrastructure.codec.EventCodec;
import io.eventsourcing.infrastructure.codec.EventTooLargeException;
import io.eventsourcing.infrastructure.codec.JacksonTranscoder;
import io.eventsourcing.infrastructure.codec.TranscodedData;
import io.eventsourcing.infrastructure.codec.Transcoder;
import io.eventsourcing.infrastructure.shredding.PersonalDataErasedException;
import io.eventsourcing.infrastructure.shredding.PersonalDataProtection;
import io.eventsourcing.infrastructure.shredding.SubjectKeys;
import io.eventsourcing.infrastructure.upcasting.EventJson;
import io.eventsourcing.infrastructure.upcasting.SchemaVersions;
import io.eventsourcing.infrastructure.upcasting.Upcaster;
import io.eventsourcing.infrastructure.upcasting.Upcasters;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps domain events to sequenced items and back: the sequence id and position from the event's
 * attributes ({@link EventSequencing}), the topic from its class ({@link TopicResolver}), the data from the
 * stages of an {@link EventCodec}: a {@link Transcoder} (JSON by Jackson unless told otherwise), an optional
 * {@link Compressor}, and a {@link Cipher} when one is set, for every event or only for event classes annotated
 * {@link Encrypted}; with data subjects' keys, {@link PersonalData} is encrypted under its subject's key (see
 * {@link PersonalDataProtection}). The only place that knows how events are stored.
 * <p>
 * Each event is stored at the current schema version of its class ({@link io.eventsourcing.domain.SchemaVersion},
 * kept in the data: see {@link EventCodec}), and read back through the {@link Upcasters} that bring data of an
 * earlier version, or of a former topic, to the current form of its class; the stored item is never changed.
 * <p>
 * Immutable and thread-safe. Build with {@link #builder()}.
 */
public final class SequencedItemMapper {

    private final EventSequencing sequencing;
    private final TopicResolver topicResolver;
    private final EventCodec codec;
    private final Transcoder transcoder;
    private final Upcasters upcasters;
    private final boolean encrypts;
    private final boolean alwaysEncrypt;
    private final @Nullable SubjectKeys subjectKeys;

    private SequencedItemMapper(Builder builder, Transcoder transcoder) {
        this.sequencing = builder.sequencing;
        this.topicResolver = builder.topicResolver;
        this.codec = new EventCodec(transcoder,
                builder.subjectKeys == null ? null : new PersonalDataProtection(builder.subjectKeys),
                builder.compressor, builder.cipher, builder.maxEventSize);
        this.subjectKeys = builder.subjectKeys;
        this.transcoder = transcoder;
        this.upcasters = builder.upcasters;
        this.encrypts = builder.cipher != null;
        this.alwaysEncrypt = builder.alwaysEncrypt;
    }

    /** A mapper with the defaults: originator sequencing, class-name topics, JSON by a default Jackson mapper. */
    public static SequencedItemMapper create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The sequenced item of an event.
     *
     * @throws EventTooLargeException if the event has more bytes of data than the mapper accepts
     * @throws IllegalArgumentException if the event has no sequence id or position, or cannot be written
     */
    public SequencedItem toSequencedItem(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        UUID sequenceId = sequencing.sequenceIdOf(event);
        long position = sequencing.positionOf(event);
        return new SequencedItem(sequenceId, position, topicResolver.topicOf(event.getClass()),
                codec.encode(event, sequenceId, position, encrypts(event.getClass())));
    }

    /**
     * The sequenced item of a tagged event, which has no sequence id or position of its own: it is the only item of
     * the given sequence, at position 0.
     *
     * @throws EventTooLargeException if the event has more bytes of data than the mapper accepts
     * @throws IllegalArgumentException if the event cannot be written
     */
    public SequencedItem toSequencedItem(TaggedEvent event, UUID sequenceId) {
        return placedItem(event, sequenceId, 0);
    }

    /** The sequenced item that records a forgotten data subject, at a position of its sequence. */
    public SequencedItem toSequencedItem(PersonalDataForgotten event, long position) {
        return placedItem(event, event.subjectId(), position);
    }

    private SequencedItem placedItem(DomainEvent event, UUID sequenceId, long position) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(sequenceId, "sequenceId");
        return new SequencedItem(sequenceId, position, topicResolver.topicOf(event.getClass()),
                codec.encode(event, sequenceId, position, encrypts(event.getClass())));
    }

    /** The topic that names an event class in storage. */
    public String topicOf(Class<? extends DomainEvent> eventClass) {
        return topicResolver.topicOf(eventClass);
    }

    /**
     * The event of a sequenced item, for an item that is one event whatever upcasters apply.
     *
     * @throws TopicResolutionException if the topic names no event class
     * @throws SchemaVersionException if the data is at a schema version that no upcaster brings to its class's
     * @throws DataIntegrityException if the data cannot be decrypted, decompressed, or read as an event of that
     *         class, or upcasters split it into several events (read those with {@link #eventsFromSequencedItem})
     */
    public DomainEvent fromSequencedItem(SequencedItem item) {
        List<DomainEvent> events = eventsFromSequencedItem(item);
        if (events.size() != 1) {
            throw new DataIntegrityException("The event of " + item.describe() + " (topic " + item.topic()
                    + ") is split into " + events.size() + " events by upcasters: read them with"
                    + " eventsFromSequencedItem");
        }
        return events.get(0);
    }

    /**
     * The events of a sequenced item: its event, upcast to the current schema of its class, or the several events
     * that upcasters split it into, each with the item's sequence id and position.
     *
     * @throws PersonalDataErasedException if its personal data was erased, its data subject forgotten
     * @throws TopicResolutionException if a topic names no event class
     * @throws SchemaVersionException if the data is at a schema version that no upcaster brings to its class's
     * @throws DataIntegrityException if the data cannot be decrypted, decompressed, upcast, or read as an event
     */
    public List<DomainEvent> eventsFromSequencedItem(SequencedItem item) {
        return read(item, false).events();
    }

    /**
     * The events of a sequenced item as {@link #eventsFromSequencedItem} reads them, but for the events of a forgotten
     * data subject, which are read with their personal attributes absent and marked erased.
     *
     * @throws TopicResolutionException if a topic names no event class
     * @throws SchemaVersionException if the data is at a schema version that no upcaster brings to its class's
     * @throws DataIntegrityException if the data cannot be decrypted, decompressed, upcast, or read as an event
     */
    public ItemEvents read(SequencedItem item) {
        return read(item, true);
    }

    private ItemEvents read(SequencedItem item, boolean erasedToo) {
        TranscodedData stored;
        try {
            stored = codec.unwrap(item.sequenceId(), item.position(), item.data());
        } catch (DecryptionException e) {
            throw new DataIntegrityException("Cannot decrypt the event of " + item.describe() + ": "
                    + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new DataIntegrityException("Cannot read the event of " + item.describe() + " (topic "
                    + item.topic() + "): " + e.getMessage(), e);
        }
        if (stored.erased() && !erasedToo) {
            throw new PersonalDataErasedException(item.sequenceId());
        }
        if (!upcasters.upcasts(item.topic(), stored.schemaVersion())) {
            return new ItemEvents(List.of(decode(item, stored, item.topic(), stored.schemaVersion(), stored.data())),
                    stored.erased());
        }
        List<EventJson> upcast;
        try {
            upcast = upcasters.upcast(item.topic(), stored.schemaVersion(), stored.data());
        } catch (IllegalArgumentException e) {
            throw new DataIntegrityException("Cannot upcast the event of " + item.describe() + " (topic "
                    + item.topic() + ", schema version " + stored.schemaVersion() + "): " + e.getMessage(), e);
        }
        return new ItemEvents(upcast.stream().map(json -> decode(item, stored, json.topic(), json.schemaVersion(),
                json.toBytes())).toList(), stored.erased());
    }

    /** The event of data at a topic and schema version, which must be the current version of the topic's class. */
    private DomainEvent decode(SequencedItem item, TranscodedData stored, String topic, int schemaVersion,
                               byte[] data) {
        Class<? extends DomainEvent> eventClass;
        try {
            eventClass = topicResolver.classOf(topic);
        } catch (IllegalArgumentException e) {
            throw new TopicResolutionException("Cannot read the event of " + item.describe() + ": "
                    + e.getMessage(), e);
        }
        int currentVersion = SchemaVersions.of(eventClass);
        if (schemaVersion != currentVersion) {
            throw new SchemaVersionException(item, stored.schemaVersion(), topic, schemaVersion, eventClass,
                    currentVersion);
        }
        try {
            return transcoder.decode(eventClass, item.sequenceId(), item.position(), data);
        } catch (IllegalArgumentException e) {
            throw new DataIntegrityException("Cannot read the event of " + item.describe() + " as "
                    + eventClass.getName() + (stored.erased() ? " with its personal data erased (a personal attribute"
                    + " must accept null)" : "") + ": " + e.getMessage(), e);
        }
    }

    private boolean encrypts(Class<? extends DomainEvent> eventClass) {
        return encrypts && (alwaysEncrypt || eventClass.isAnnotationPresent(Encrypted.class));
    }

    /** The upcasters that bring stored data to the current schema of its event class. */
    public Upcasters getUpcasters() {
        return upcasters;
    }

    /** The data subjects' keys that encrypt personal data, if this mapper has them. */
    public Optional<SubjectKeys> getSubjectKeys() {
        return Optional.ofNullable(subjectKeys);
    }

    /** Which event attributes give the sequence id and position. */
    public EventSequencing getSequencing() {
        return sequencing;
    }

    /** Builds a {@link SequencedItemMapper}; every setting has a default. */
    public static final class Builder {

        private JsonMapper jsonMapper = JsonMapper.builder().build();
        private @Nullable Transcoder transcoder;
        private EventSequencing sequencing = EventSequencing.ORIGINATOR;
        private TopicResolver topicResolver = new ClassTopicResolver();
        private @Nullable Compressor compressor;
        private @Nullable Cipher cipher;
        private boolean alwaysEncrypt = true;
        private int maxEventSize = Compressor.MAX_DECOMPRESSED_SIZE;
        private Upcasters upcasters = Upcasters.none();
        private @Nullable SubjectKeys subjectKeys;

        private Builder() {
        }

        /**
         * The data subjects' keys under which {@link PersonalData} is encrypted, and its subject forgotten; none by
         * default, and then events with personal data are stored like others.
         */
        public Builder subjectKeys(@Nullable SubjectKeys subjectKeys) {
            this.subjectKeys = subjectKeys;
            return this;
        }

        /** The Jackson mapper of the default transcoder, whose modules and settings apply to events. */
        public Builder jsonMapper(JsonMapper jsonMapper) {
            this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
            return this;
        }

        /**
         * The transcoder of events into bytes, with the same sequencing as this mapper; by default JSON by a
         * {@link JacksonTranscoder} on the {@linkplain #jsonMapper(JsonMapper) Jackson mapper}.
         */
        public Builder transcoder(@Nullable Transcoder transcoder) {
            this.transcoder = transcoder;
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

        /** The compressor of event data, applied before the cipher; none by default. */
        public Builder compressor(@Nullable Compressor compressor) {
            this.compressor = compressor;
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

        /**
         * The most bytes of data an event may have, as its transcoder writes it; a larger event is refused with an
         * {@link EventTooLargeException} before anything is stored. 256 MiB by default.
         */
        public Builder maxEventSize(int maxEventSize) {
            this.maxEventSize = maxEventSize;
            return this;
        }

        /**
         * The upcasters that bring data stored at earlier schema versions, or under former topics, to the current
         * schema of its event class; none by default. They need a transcoder that writes JSON objects.
         *
         * @throws IllegalArgumentException if two take the same topic from the same version
         */
        public Builder upcasters(Collection<? extends Upcaster> upcasters) {
            this.upcasters = Upcasters.of(upcasters);
            return this;
        }

        /**
         * The mapper.
         *
         * @throws IllegalArgumentException if the transcoder leaves out other attributes than the sequencing's
         */
        public SequencedItemMapper build() {
            Transcoder eventTranscoder = transcoder != null ? transcoder : new JacksonTranscoder(jsonMapper, sequencing);
            if (!eventTranscoder.sequencing().equals(sequencing)) {
                throw new IllegalArgumentException("The transcoder is for " + eventTranscoder.sequencing()
                        + ", but the mapper sequences events by " + sequencing);
            }
            return new SequencedItemMapper(this, eventTranscoder);
        }
    }
}
