package io.eventsourcing.testing;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.StoredItem;
import java.time.Duration;
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
    private static final Duration SETTLING = Duration.ofSeconds(15);

    private final List<StoredItem> seen = new ArrayList<>();

    public LogFollower(ActiveRecordStrategy store, int pageSize) {
        this.store = store;
        this.pageSize = pageSize;
    }

    /**
     * Reads until {@code writersDone} holds and a read after that finds nothing new, having reached the last stored
     * item (a page may be empty although later items exist, while the log settles) or read for {@link #SETTLING} more.
     */
    public List<StoredItem> follow(BooleanSupplier writersDone) {
        long position = 0;
        long doneAt = 0;
        while (true) {
            boolean done = writersDone.getAsBoolean();
            if (done && doneAt == 0) {
                doneAt = System.nanoTime();
            }
            List<StoredItem> page = store.getStoredItems(position, pageSize);
            seen.addAll(page);
            if (!page.isEmpty()) {
                position = page.get(page.size() - 1).storagePosition();
            } else if (done && (reachedLast(position) || System.nanoTime() - doneAt > SETTLING.toNanos())) {
                return seen;
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private boolean reachedLast(long position) {
        return store.getLastStoredItem().map(StoredItem::storagePosition).orElse(0L) <= position;
    }
}
