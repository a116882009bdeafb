package io.eventsourcing.autoconfigure.sample;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.DomainEvents;
import io.eventsourcing.domain.EntityEvent;
import io.eventsourcing.domain.EventSourced;
import io.eventsourcing.domain.Timestamps;
import java.time.Instant;
import java.util.UUID;

/** An entity written without the library's base classes, with a mutator function of its own. */
@EventSourced(mutator = "apply")
public final class Note {

    /** Published when a note is written. */
    public record Written(UUID entityId, long entityVersion, Instant timestamp, String text) implements EntityEvent {
    }

    private final UUID id;
    private final String text;

    private Note(UUID id, String text) {
        this.id = id;
        this.text = text;
    }

    public static Note write(String text) {
        Written written = new Written(UUID.randomUUID(), 0, Timestamps.now(), text);
        Note note = apply(null, written);
        DomainEvents.publish(written);
        return note;
    }

    static Note apply(Note note, DomainEvent event) {
        if (event instanceof Written written) {
            return new Note(written.entityId(), written.text());
        }
        throw new IllegalArgumentException("Unsupported event " + event);
    }

    public UUID getId() {
        return id;
    }

    public String getText() {
        return text;
    }
}
