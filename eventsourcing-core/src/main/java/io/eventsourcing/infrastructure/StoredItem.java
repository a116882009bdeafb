package io.eventsourcing.infrastructure;

import java.util.Objects;

/**
 * A sequenced item with its place in the order in which the store recorded all items.
 *
 * @param storagePosition increasing in the order the items were stored (a JDBC table's {@code id})
 * @param item the item
 */
public record StoredItem(long storagePosition, SequencedItem item) {

    public StoredItem {
        Objects.requireNonNull(item, "item");
    }
}
