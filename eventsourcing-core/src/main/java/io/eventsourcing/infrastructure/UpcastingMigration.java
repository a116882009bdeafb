package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.TaggedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The explicit migration of stored events to the current schema: copies the items of a store, in the order of its
 * notification log, into another, empty store (a new table), each rewritten by the mapper as its upcast event:
 * under its current topic, at its current schema version, with the current compressor and cipher. Once the
 * application reads the new store, no upcaster runs for the items copied. The source is only read: it stays the
 * record of what was stored until it is dropped.
 * <p>
 * An item that upcasters split into several events is copied as it is, and keeps being split when read: its parts
 * could have positions of their own only if the later positions of its sequence moved, and those are the versions
 * that snapshots, read models and clients hold. So are the events of a forgotten data subject, whose personal data
 * cannot be read, and the record of its forgetting; personal data stored in the clear before crypto-shredding was
 * turned on is encrypted by the copy. A store that holds tagged events is refused: the index of the DCB
 * store beside the new table would not have them.
 * <p>
 * Copy while the application runs, then stop its writers, copy again from the last storage position copied, and
 * switch the application to the new store (for JDBC, the property {@code eventsourcing.jdbc.table}). The new
 * store's storage positions are its own: reset the projections after the switch. Not thread-safe: one copy at a time.
 */
public final class UpcastingMigration {

    private final ActiveRecordStrategy source;
    private final ActiveRecordStrategy target;
    private final SequencedItemMapper mapper;
    private final int pageSize;

    /**
     * @param source the store to copy
     * @param target an empty store to copy into
     * @param mapper the application's mapper, with its upcasters
     * @param pageSize how many items to copy in one atomic append
     */
    public UpcastingMigration(ActiveRecordStrategy source, ActiveRecordStrategy target, SequencedItemMapper mapper,
                              int pageSize) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /**
     * What a copy did.
     *
     * @param lastStoragePosition the source's storage position of the last item copied, to copy after next time
     * @param rewritten how many items were rewritten as their upcast events
     * @param copiedAsStored how many items were copied as they are: split by upcasters, or of a forgotten subject
     */
    public record Progress(long lastStoragePosition, long rewritten, long copiedAsStored) {
    }

    /**
     * Copies the items stored after a storage position of the source: every item, or none of a page whose
     * append fails.
     *
     * @throws DataIntegrityException if an item cannot be read, naming it; nothing of its page is copied
     * @throws IllegalStateException if an item holds a tagged event, naming it; nothing of its page is copied
     * @throws ConcurrencyException if the target already holds an item's position
     */
    public Progress copyAfter(long afterStoragePosition) {
        long last = afterStoragePosition;
        long rewritten = 0;
        long copiedAsStored = 0;
        List<StoredItem> page;
        do {
            page = source.getStoredItems(last, pageSize);
            List<SequencedItem> copies = new ArrayList<>(page.size());
            for (StoredItem stored : page) {
                ItemEvents read = mapper.read(stored.item());
                List<DomainEvent> events = read.events();
                if (events.stream().anyMatch(TaggedEvent.class::isInstance)) {
                    throw new IllegalStateException("The " + stored.item().describe() + " holds a tagged event of the"
                            + " DCB store, which this copy cannot index in the new table; nothing after storage"
                            + " position " + last + " was copied");
                }
                // An erased event, or the record of a forgetting, is copied as it is: nothing of it can be rewritten.
                if (events.size() == 1 && !read.erased() && !EventSequencing.isPlacedByStore(events.get(0).getClass())) {
                    copies.add(mapper.toSequencedItem(events.get(0)));
                    rewritten++;
                } else {
                    copies.add(stored.item());
                    copiedAsStored++;
                }
            }
            if (!copies.isEmpty()) {
                target.append(copies);
                last = page.get(page.size() - 1).storagePosition();
            }
        } while (page.size() == pageSize);
        return new Progress(last, rewritten, copiedAsStored);
    }
}
