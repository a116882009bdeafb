package io.eventsourcing.infrastructure;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * The persistence model of a domain event: its place in a sequence, the topic that names its type, and
 * its stored (possibly compressed and encrypted) data.
 *
 * @param sequenceId the id of the sequence, an entity or aggregate id
 * @param position the position in the sequence: a version, or a timestamp in microseconds
 * @param topic the stable name of the event type
 * @param data the event's state, without its sequence id and position; not copied, so not to be changed
 */
public record SequencedItem(UUID sequenceId, long position, String topic, byte[] data) {

    public SequencedItem {
        Objects.requireNonNull(sequenceId, "sequenceId");
        Objects.requireNonNull(topic, () -> "topic of item " + sequenceId + " at position " + position);
        Objects.requireNonNull(data, () -> "data of item " + sequenceId + " at position " + position);
    }

    /** "sequence {sequenceId} at position {position}", for messages. */
    public String describe() {
        return "sequence " + sequenceId + " at position " + position;
    }

    /** Items are equal when their places, topics and data bytes are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SequencedItem item && sequenceId.equals(item.sequenceId) && position == item.position
                && topic.equals(item.topic) && Arrays.equals(data, item.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequenceId, position, topic, Arrays.hashCode(data));
    }

    /** The place, topic and size of the item: never its data, which may be a secret's ciphertext. */
    @Override
    public String toString() {
        return "SequencedItem[" + describe() + ", topic " + topic + ", " + data.length + " bytes]";
    }
}
