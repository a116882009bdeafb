package io.eventsourcing.infrastructure.codec;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.infrastructure.EventSequencing;
import java.util.UUID;

/**
 * Turns events into bytes and back, leaving out the attributes that the stored item's columns hold: the sequence
 * id and position of its {@link #sequencing()}. Its output must not start with a byte below 9, which mark the
 * stages after it (compression, encryption). Implementations are thread-safe.
 */
public interface Transcoder {

    /** Which attributes of an event its item's columns hold, and this transcoder leaves out. */
    EventSequencing sequencing();

    /**
     * The bytes of an event.
     *
     * @throws IllegalArgumentException if the event cannot be written
     */
    byte[] encode(DomainEvent event);

    /**
     * The event of bytes, its sequence id and position given back from the item's columns.
     *
     * @throws IllegalArgumentException if the bytes cannot be read as an event of the class
     */
    <E extends DomainEvent> E decode(Class<E> eventClass, UUID sequenceId, long position, byte[] data);
}
