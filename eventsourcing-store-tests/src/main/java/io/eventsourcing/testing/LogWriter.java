package io.eventsourcing.testing;

import static io.eventsourcing.testing.TestItems.item;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.SequencedItem;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * One of the writers that a {@link LogFollower} races: appends 1 to 3 items to a sequence of its own in a
 * transaction that stays open up to 2 ms after the insert, so that ids are taken long before they become
 * visible, and every fifth time also tries a taken position, so that the database rolls back and leaves a hole
 * among the ids.
 */
public final class LogWriter {

    private final ActiveRecordStrategy store;
    private final List<SequencedItem> accepted = new ArrayList<>();

    public LogWriter(ActiveRecordStrategy store) {
        this.store = store;
    }

    /** Makes the appends; returns the items stored. */
    public List<SequencedItem> write(int appends) {
        UUID sequence = UUID.randomUUID();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int append = 0; append < appends; append++) {
            List<SequencedItem> items = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                items.add(item(sequence, accepted.size() + i));
            }
            boolean conflict = append % 5 == 4;
            if (conflict) {
                items.add(item(sequence, 0));
            }
            try {
                store.inTransaction(() -> {
                    store.append(items);
                    LockSupport.parkNanos(random.nextLong(2_000_000));
                });
                accepted.addAll(items);
            } catch (ConcurrencyException e) {
                if (!conflict) {
                    throw e;
                }
            }
        }
        return accepted;
    }
}
