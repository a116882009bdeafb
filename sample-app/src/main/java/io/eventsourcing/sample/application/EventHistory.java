package io.eventsourcing.sample.application;

import io.eventsourcing.infrastructure.EntityNotFoundException;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.ItemEvents;
import io.eventsourcing.infrastructure.PositionRange;
import io.eventsourcing.infrastructure.SequencedItem;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The stored events of an entity or aggregate, as they are in the store: the sequenced items of its id
 * with their positions and topics, each decoded (decrypted, parsed, upcast to the current schema of its class) by
 * the store's own mapper: an event that upcasters split is listed once per part, at its stored position. The events
 * of a forgotten data subject are listed too, their personal data erased.
 */
@Service
public class EventHistory {

    private final EventStore eventStore;

    public EventHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The stored events of a sequence, in order; those of discarded entities too.
     *
     * @throws EntityNotFoundException if it has none
     */
    public List<StoredEvent> of(UUID sequenceId) {
        List<StoredEvent> events = eventStore.getActiveRecordStrategy().getItems(sequenceId).stream()
                .flatMap(this::read).toList();
        if (events.isEmpty()) {
            throw new EntityNotFoundException(sequenceId);
        }
        return events;
    }

    /** The first stored event of a sequence, the one that created its entity; empty if it has none. */
    public Optional<StoredEvent> first(UUID sequenceId) {
        return eventStore.getActiveRecordStrategy().getItems(sequenceId, PositionRange.all().limit(1)).stream()
                .flatMap(this::read).findFirst();
    }

    private Stream<StoredEvent> read(SequencedItem item) {
        ItemEvents read = eventStore.getSequencedItemMapper().read(item);
        return read.events().stream()
                .map(event -> new StoredEvent(item.position(), item.topic(), event, read.erased()));
    }
}
