package io.eventsourcing.infrastructure;

import java.util.Objects;
import java.util.UUID;

/**
 * The persistence model of a domain event: its place in a sequence, the topic that names its type, and
 * its serialised (possibly encrypted) state.
 *
 * @param sequenceId the id of the sequence, an entity or aggregate id
 * @param position the position in the sequence: a version, or a timestamp in microseconds
 * @param topic the stable name of the event type
 * @param data the event's state
 */
public record SequencedItem(UUID sequenceId, long position, String topic, String data) {

    public SequencedItem {
        Objects.requireNonNull(sequenceId, "sequenceId");
        Objects.requireNonNull(topic, () -> "topic of item " + sequenceId + " at position " + position);
        Objects.requireNonNull(data, () -> "data of item " + sequenceId + " at position " + position);
    }

    /** "sequence {sequenceId} at position {position}", for messages. */
    public String describe() {
        return "sequence " + sequenceId + " at position " + position;
    }
}
