package io.eventsourcing.infrastructure;

import java.util.Objects;

/**
 * A sequenced item with its place in the notification log, the order of all items of a store.
 *
 * @param storagePosition the item's position in the log, increasing along it (a JDBC table's {@code id})
 * @param item the item
 */
public record StoredItem(long storagePosition, SequencedItem item) {

    public StoredItem {
        Objects.requireNonNull(item, "item");
    }
}
