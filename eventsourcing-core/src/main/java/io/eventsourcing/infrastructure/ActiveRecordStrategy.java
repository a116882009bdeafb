package io.eventsourcing.infrastructure;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The storage port: maps sequenced items to the records of one database. Every store implements it and
 * passes the same contract test suite. (On a store that partitions its data, such as Cassandra, an append
 * is atomic within a partition; see the store's documentation.)
 * <p>
 * Implementations are thread-safe.
 */
public interface ActiveRecordStrategy {

    /**
     * Stores items in one atomic operation: all of them, or none.
     *
     * @throws ConcurrencyException if an item's position is already taken in its sequence (then nothing is stored)
     */
    void append(List<SequencedItem> items);

    /** Stores one item. */
    default void append(SequencedItem item) {
        append(List.of(item));
    }

    /**
     * Runs work in one transaction of this store, joining the caller's if there is one, so that the appends
     * it makes commit or roll back together with the rest of it. A store without transactions just runs it
     * (the default).
     */
    default void inTransaction(Runnable work) {
        work.run();
    }

    /**
     * Deletes every item of a sequence: for a store of snapshots, whose items may be deleted (a store of events never
     * deletes its own). Not supported by default.
     *
     * @return how many were deleted
     * @throws UnsupportedOperationException if this store cannot delete items
     */
    default int deleteItems(UUID sequenceId) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot delete items");
    }

    /** The item at a position of a sequence. */
    Optional<SequencedItem> getItem(UUID sequenceId, long position);

    /** The items of a sequence within a range, ordered by position as the range says. */
    List<SequencedItem> getItems(UUID sequenceId, PositionRange range);

    /** All the items of a sequence, in ascending order. */
    default List<SequencedItem> getItems(UUID sequenceId) {
        return getItems(sequenceId, PositionRange.all());
    }

    /**
     * A page of the notification log: the items of all sequences in one total order, the log's, from a position.
     * <p>
     * The log is gap-safe: an item is never returned after an item that precedes it in the log's order and is
     * not yet visible, however writers' transactions interleave and commit. So a reader that resumes after the
     * last position it was given gets every item exactly once. A page may hold fewer than {@code limit} items
     * while writes are in flight, and none although later items exist; reading again returns them.
     *
     * @param afterStoragePosition only items after this position in the log (0 for the first page)
     * @param limit at most this many items
     */
    List<StoredItem> getStoredItems(long afterStoragePosition, int limit);

    /** The item stored last, at the highest storage position; empty if the store holds none. */
    Optional<StoredItem> getLastStoredItem();
}
