package io.eventsourcing.infrastructure;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A lazy stream over all stored items, reading one page at a time as the stream is consumed. */
final class StoredItemPages implements Iterator<StoredItem> {

    private final ActiveRecordStrategy store;
    private final int pageSize;
    private long afterStoragePosition;
    private Iterator<StoredItem> page = List.<StoredItem>of().iterator();
    private boolean lastPage;

    private StoredItemPages(ActiveRecordStrategy store, long afterStoragePosition, int pageSize) {
        this.store = store;
        this.afterStoragePosition = afterStoragePosition;
        this.pageSize = pageSize;
    }

    static Stream<StoredItem> stream(ActiveRecordStrategy store, long afterStoragePosition, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        Iterator<StoredItem> pages = new StoredItemPages(store, afterStoragePosition, pageSize);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        if (!page.hasNext() && !lastPage) {
            List<StoredItem> items = store.getStoredItems(afterStoragePosition, pageSize);
            lastPage = items.size() < pageSize;
            page = items.iterator();
        }
        return page.hasNext();
    }

    @Override
    public StoredItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        StoredItem item = page.next();
        afterStoragePosition = item.storagePosition();
        return item;
    }
}
