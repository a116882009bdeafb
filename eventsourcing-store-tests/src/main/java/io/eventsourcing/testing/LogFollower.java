package io.eventsourcing.testing;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.StoredItem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Follows the notification log of a store while others write: reads small pages from its last position until
 * the writers are done and the log has nothing more, keeping every item it was given.
 */
public final class LogFollower {

    private final ActiveRecordStrategy store;
    private final int pageSize;
    private final List<StoredItem> seen = new ArrayList<>();

    public LogFollower(ActiveRecordStrategy store, int pageSize) {
        this.store = store;
        this.pageSize = pageSize;
    }

    /** Reads until {@code writersDone} holds and a read after that finds nothing new. */
    public List<StoredItem> follow(BooleanSupplier writersDone) {
        long position = 0;
        while (true) {
            boolean done = writersDone.getAsBoolean();
            List<StoredItem> page = store.getStoredItems(position, pageSize);
            seen.addAll(page);
            if (!page.isEmpty()) {
                position = page.get(page.size() - 1).storagePosition();
            } else if (done) {
                return seen;
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
