package io.eventsourcing.autoconfigure.browser;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.DataIntegrityException;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.ItemEvents;
import io.eventsourcing.infrastructure.PositionRange;
import io.eventsourcing.infrastructure.SchemaVersionException;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.infrastructure.StoredItem;
import io.eventsourcing.infrastructure.TopicResolutionException;
import io.eventsourcing.infrastructure.codec.DecryptionException;
import io.eventsourcing.projection.ProjectionStatus;
import io.eventsourcing.projection.Projections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the store for the event browser, by indexed queries of a page at a time only: a sequence's events by
 * position, the notification log from a log position, the projections' statuses. Each event is decoded by the
 * store's own mapper, as the application reads it (decrypted and upcast: an event that upcasters split is shown as
 * its parts, at one position), and shown as JSON; one that cannot be is shown with why, and the others still are.
 * Thread-safe.
 */
final class EventBrowser {

    private static final Logger log = LoggerFactory.getLogger(EventBrowser.class);

    private final EventStore eventStore;
    private final @Nullable Projections projections;
    private final JsonMapper jsonMapper;

    EventBrowser(EventStore eventStore, @Nullable Projections projections, JsonMapper jsonMapper) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.projections = projections;
        this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
    }

    /** The events of a sequence after a position (from its first if null), at most {@code limit}. */
    EventPage sequence(UUID sequenceId, @Nullable Long after, int limit) {
        PositionRange range = PositionRange.all().limit(limit);
        List<SequencedItem> items = eventStore.getActiveRecordStrategy()
                .getItems(sequenceId, after == null ? range : range.gt(after));
        List<BrowsedEvent> events = items.stream().flatMap(item -> browsed(null, item).stream()).toList();
        return new EventPage(events, items.size() < limit ? null : items.get(items.size() - 1).position());
    }

    /**
     * The events of the notification log after a log position, at most {@code limit}; without a position, up to
     * the last {@code limit} positions of the log.
     */
    EventPage log(@Nullable Long after, int limit) {
        ActiveRecordStrategy store = eventStore.getActiveRecordStrategy();
        long from = after != null ? after : store.getLastStoredItem()
                .map(last -> Math.max(0, last.storagePosition() - limit)).orElse(0L);
        List<StoredItem> items = store.getStoredItems(from, limit);
        List<BrowsedEvent> events = items.stream()
                .flatMap(item -> browsed(item.storagePosition(), item.item()).stream()).toList();
        return new EventPage(events, items.isEmpty() ? from : items.get(items.size() - 1).storagePosition());
    }

    /** What each generation of each projection is doing on this instance; none without projections. */
    List<ProjectionStatus> projections() {
        return projections == null ? List.of() : projections.statuses();
    }

    private List<BrowsedEvent> browsed(@Nullable Long logPosition, SequencedItem item) {
        try {
            ItemEvents read = eventStore.getSequencedItemMapper().read(item);
            return read.events().stream()
                    .map(event -> new BrowsedEvent(logPosition, item.sequenceId(), item.position(), item.topic(),
                            event.timestamp(), jsonMapper.valueToTree(event), read.erased(), null))
                    .toList();
        } catch (RuntimeException e) {
            log.debug("The event browser cannot show the event of {}: {}", item.describe(), e.getMessage());
            return List.of(new BrowsedEvent(logPosition, item.sequenceId(), item.position(), item.topic(), null, null,
                    false, unreadable(e)));
        }
    }

    private static String unreadable(RuntimeException e) {
        if (e instanceof TopicResolutionException) {
            return "Its type is not one of this application's event classes";
        }
        if (e instanceof SchemaVersionException) {
            return "Its schema version is newer than this application's, or no upcaster takes it to the current one";
        }
        if (e instanceof DataIntegrityException && e.getCause() instanceof DecryptionException) {
            return "Its data cannot be decrypted with the configured keys, or was altered";
        }
        return "Its data cannot be read";
    }
}
