package io.eventsourcing.sample.application;

import io.eventsourcing.infrastructure.EntityNotFoundException;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The stored events of an entity or aggregate, as they are in the store: the sequenced items of its id
 * with their positions and topics, each decoded (decrypted, parsed, upcast to the current schema of its class) by
 * the store's own mapper: an event that upcasters split is listed once per part, at its stored position.
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
        SequencedItemMapper mapper = eventStore.getSequencedItemMapper();
        List<StoredEvent> events = eventStore.getActiveRecordStrategy().getItems(sequenceId).stream()
                .flatMap(item -> mapper.eventsFromSequencedItem(item).stream()
                        .map(event -> new StoredEvent(item.position(), item.topic(), event)))
                .toList();
        if (events.isEmpty()) {
            throw new EntityNotFoundException(sequenceId);
        }
        return events;
    }
}
