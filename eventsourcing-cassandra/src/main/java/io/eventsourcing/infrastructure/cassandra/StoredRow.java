package io.eventsourcing.infrastructure.cassandra;

import io.eventsourcing.infrastructure.SequencedItem;
import java.util.UUID;

/**
 * An item as an append stores it: in the bucket of its position, with the storage position that places it
 * in the log.
 *
 * @param item the item
 * @param storedAt its storage position
 */
record StoredRow(SequencedItem item, long storedAt) {

    long bucket() {
        return Buckets.ofPosition(item.position());
    }

    /** The partition of the item: its sequence and bucket. */
    Partition partition() {
        return new Partition(item.sequenceId(), bucket());
    }

    /** A partition of the items table. */
    record Partition(UUID sequenceId, long bucket) {
    }
}
