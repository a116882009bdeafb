package io.eventsourcing.domain;

import java.util.List;

/**
 * An entity that keeps the events it has applied to itself until a repository saves them. The repository
 * stores the pending events in one atomic append, then clears them; when the append fails they stay
 * pending. {@link TimestampedVersionedEntity} implements it; an entity written without the library's
 * base classes may too.
 */
public interface PendingEvents {

    /** The events applied since the last save, in the order they were applied. */
    List<? extends DomainEvent> getPendingEvents();

    /** Forgets the pending events: they are saved. */
    void clearPendingEvents();
}
