package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.PersonalDataForgotten;
import io.eventsourcing.domain.Timestamps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Appends and retrieves domain events, mapping them to sequenced items with a
 * {@link SequencedItemMapper} and storing those with an {@link ActiveRecordStrategy}. Thread-safe.
 */
public class EventStore {

    /** How many items a read of all events fetches at once unless told otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    private static final int FORGET_ATTEMPTS = 10;

    private final ActiveRecordStrategy activeRecordStrategy;
    private final SequencedItemMapper sequencedItemMapper;

    public EventStore(ActiveRecordStrategy activeRecordStrategy, SequencedItemMapper sequencedItemMapper) {
        this.activeRecordStrategy = Objects.requireNonNull(activeRecordStrategy, "activeRecordStrategy");
        this.sequencedItemMapper = Objects.requireNonNull(sequencedItemMapper, "sequencedItemMapper");
    }

    /**
     * Stores one event.
     *
     * @throws ConcurrencyException if its position is taken
     */
    public void append(DomainEvent event) {
        append(List.of(event));
    }

    /**
     * Stores events in one atomic append: all of them or none.
     *
     * @throws ConcurrencyException if a position is taken
     */
    public void append(List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        activeRecordStrategy.append(events.stream().map(sequencedItemMapper::toSequencedItem).toList());
    }

    /**
     * Runs work in one transaction of the store, joining the caller's if there is one: the events it appends
     * and everything else it does on the store's database commit or roll back together. A store without
     * transactions just runs it.
     */
    public void inTransaction(Runnable work) {
        activeRecordStrategy.inTransaction(Objects.requireNonNull(work, "work"));
    }

    /**
     * Records that a data subject was forgotten, after the last item of its sequence (unless that already records it),
     * so that readers of the log learn of it and its entity reads as erased.
     *
     * @return the event recorded, or that was already
     */
    public PersonalDataForgotten recordForgotten(UUID subjectId) {
        Objects.requireNonNull(subjectId, "subjectId");
        String topic = sequencedItemMapper.topicOf(PersonalDataForgotten.class);
        for (int attempt = 1; ; attempt++) {
            List<SequencedItem> last = activeRecordStrategy.getItems(subjectId,
                    PositionRange.all().inDescendingOrder().limit(1));
            if (!last.isEmpty() && last.get(0).topic().equals(topic)) {
                return (PersonalDataForgotten) sequencedItemMapper.fromSequencedItem(last.get(0));
            }
            PersonalDataForgotten forgotten = new PersonalDataForgotten(subjectId, Timestamps.now());
            try {
                activeRecordStrategy.append(sequencedItemMapper.toSequencedItem(forgotten,
                        last.isEmpty() ? 0 : last.get(0).position() + 1));
                return forgotten;
            } catch (ConcurrencyException e) {
                if (attempt == FORGET_ATTEMPTS) {
                    throw e; // the subject's entity is being saved without pause
                }
            }
        }
    }

    /**
     * All the events of a sequence, in order, upcast to the current schema of their classes (an event that
     * upcasters split is several events at one position).
     */
    public List<DomainEvent> getDomainEvents(UUID sequenceId) {
        return getDomainEvents(sequenceId, PositionRange.all());
    }

    /** The events of a sequence within a range. */
    public List<DomainEvent> getDomainEvents(UUID sequenceId, PositionRange range) {
        Objects.requireNonNull(sequenceId, "sequenceId");
        Objects.requireNonNull(range, "range");
        List<SequencedItem> items = activeRecordStrategy.getItems(sequenceId, range);
        List<DomainEvent> events = new ArrayList<>(items.size());
        for (SequencedItem item : items) {
            events.addAll(sequencedItemMapper.eventsFromSequencedItem(item));
        }
        return Collections.unmodifiableList(events);
    }

    /** The event at the highest position of a sequence (the last, if upcasters split the event stored there). */
    public Optional<DomainEvent> getMostRecentEvent(UUID sequenceId) {
        List<DomainEvent> events = getDomainEvents(sequenceId, PositionRange.all().inDescendingOrder().limit(1));
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    /** The events of all sequences in the order they were stored, read lazily a page at a time. */
    public Stream<PositionedEvent> getAllDomainEvents() {
        return getAllDomainEvents(0, DEFAULT_PAGE_SIZE);
    }

    /**
     * The events of all sequences stored after a storage position, in the order they were stored, read
     * lazily {@code pageSize} at a time, upcast to the current schema of their classes: an event that upcasters
     * split is several events at one storage position. The events of a forgotten data subject come with their
     * personal attributes absent, marked {@linkplain PositionedEvent#erased() erased}.
     */
    public Stream<PositionedEvent> getAllDomainEvents(long afterStoragePosition, int pageSize) {
        return StoredItemPages.stream(activeRecordStrategy, afterStoragePosition, pageSize)
                .mapMulti((stored, events) -> {
                    ItemEvents read = sequencedItemMapper.read(stored.item());
                    for (DomainEvent event : read.events()) {
                        events.accept(new PositionedEvent(stored.storagePosition(), event, read.erased()));
                    }
                });
    }

    public ActiveRecordStrategy getActiveRecordStrategy() {
        return activeRecordStrategy;
    }

    public SequencedItemMapper getSequencedItemMapper() {
        return sequencedItemMapper;
    }
}
