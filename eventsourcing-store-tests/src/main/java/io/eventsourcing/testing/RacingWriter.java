package io.eventsourcing.testing;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.PositionRange;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One writer of the concurrency race: reads the last position of a random sequence and appends the next
 * one, over and over.
 */
public final class RacingWriter {

    private final ActiveRecordStrategy store;
    private final List<UUID> sequences;
    private final String writer;
    private final List<SequencedItem> accepted = new ArrayList<>();
    private final List<SequencedItem> uncertain = new ArrayList<>();
    private boolean toleratesUnknownOutcomes;
    private int conflicts;

    public RacingWriter(ActiveRecordStrategy store, List<UUID> sequences, String writer) {
        this.store = store;
        this.sequences = sequences;
        this.writer = writer;
    }

    /**
     * Lets an attempt also end in a {@link StoreException} whose outcome the store cannot tell (a
     * distributed store's timeout): the item is then {@linkplain #uncertain() uncertain}, neither accepted
     * nor refused.
     */
    public RacingWriter toleratingUnknownOutcomes() {
        toleratesUnknownOutcomes = true;
        return this;
    }

    /** Makes the attempts; each lands or raises ConcurrencyException (or, if tolerated, has an unknown outcome). */
    public RacingWriter race(int attempts) {
        for (int attempt = 0; attempt < attempts; attempt++) {
            UUID id = sequences.get(ThreadLocalRandom.current().nextInt(sequences.size()));
            List<SequencedItem> last = store.getItems(id, PositionRange.all().inDescendingOrder().limit(1));
            long next = last.isEmpty() ? 0 : last.get(0).position() + 1;
            SequencedItem item = new SequencedItem(id, next, "test.Race",
                    ("{\"writer\":\"" + writer + "\",\"attempt\":" + attempt + "}").getBytes(StandardCharsets.UTF_8));
            try {
                store.append(item);
                accepted.add(item);
            } catch (ConcurrencyException e) {
                conflicts++;
            } catch (StoreException e) {
                if (!toleratesUnknownOutcomes) {
                    throw e;
                }
                uncertain.add(item);
            }
        }
        return this;
    }

    public List<SequencedItem> accepted() {
        return accepted;
    }

    public int conflicts() {
        return conflicts;
    }

    /** The items whose append ended with an unknown outcome: each may or may not be stored. */
    public List<SequencedItem> uncertain() {
        return uncertain;
    }
}
