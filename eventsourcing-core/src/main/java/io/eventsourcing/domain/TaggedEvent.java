package io.eventsourcing.domain;

import java.util.Set;

/**
 * An event of dynamic consistency boundaries: it belongs to no entity's sequence; its tags (such as
 * {@code course:c1} and {@code student:s7}) say what it concerns, and a decision finds it by its type and tags.
 * <p>
 * Tags are not stored in the event's data unless they are also attributes of it: a record component is, a
 * {@code tags()} method computed from other components is not.
 */
public interface TaggedEvent extends DomainEvent {

    /** The event's tags: each from 1 to 255 characters. */
    Set<String> tags();
}
