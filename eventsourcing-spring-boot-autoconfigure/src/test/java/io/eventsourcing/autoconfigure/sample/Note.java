package io.eventsourcing.autoconfigure.sample;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.EventSourced;
import io.eventsourcing.domain.PendingEvents;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An entity written without the library's base classes, with a mutator function of its own. */
@EventSourced(mutator = "apply")
public final class Note implements PendingEvents {

    /** Published when a note is written. */
    public record Written(UUID originatorId, long originatorVersion, Instant timestamp, String text)
            implements VersionedEvent {
    }

    private final UUID id;
    private final String text;
    private final List<DomainEvent> pendingEvents = new ArrayList<>();

    private Note(UUID id, String text) {
        this.id = id;
        this.text = text;
    }

    public static Note write(String text) {
        Written written = new Written(UUID.randomUUID(), 0, Timestamps.now(), text);
        Note note = apply(null, written);
        note.pendingEvents.add(written);
        return note;
    }

    static Note apply(Note note, DomainEvent event) {
        if (event instanceof Written written) {
            return new Note(written.originatorId(), written.text());
        }
        throw new IllegalArgumentException("Unsupported event " + event);
    }

    public UUID getId() {
        return id;
    }

    public String getText() {
        return text;
    }

    @Override
    public List<DomainEvent> getPendingEvents() {
        return List.copyOf(pendingEvents);
    }

    @Override
    public void clearPendingEvents() {
        pendingEvents.clear();
    }
}
