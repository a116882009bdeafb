package io.eventsourcing.sample.application;

import io.eventsourcing.domain.DomainEvent;
import java.util.Objects;

/**
 * One stored event of a sequence, read back from the store.
 *
 * @param position its position in the sequence (the entity's version before the event)
 * @param topic the stable name of its type, as stored
 * @param data the event itself, decrypted when the store has a cipher
 * @param erased whether its personal data was erased, its data subject forgotten: then {@code data} holds it as null
 */
public record StoredEvent(long position, String topic, DomainEvent data, boolean erased) {

    public StoredEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(data, "data");
    }
}
