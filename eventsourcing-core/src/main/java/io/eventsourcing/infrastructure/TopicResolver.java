package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.DomainEvent;

/** Maps event classes to the stable names (topics) under which their events are stored, and back. */
public interface TopicResolver {

    /** The topic of an event class. */
    String topicOf(Class<? extends DomainEvent> eventClass);

    /**
     * The event class of a topic.
     *
     * @throws IllegalArgumentException if the topic names no event class
     */
    Class<? extends DomainEvent> classOf(String topic);
}
