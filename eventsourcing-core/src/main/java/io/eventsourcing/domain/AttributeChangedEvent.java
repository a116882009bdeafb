package io.eventsourcing.domain;

/** An event that sets one named attribute of its originator, applied by {@link TimestampedVersionedEntity}. */
public interface AttributeChangedEvent extends VersionedEvent {

    /** The name of the attribute (a field of the entity class). */
    String name();

    /** The new value. */
    Object value();
}
