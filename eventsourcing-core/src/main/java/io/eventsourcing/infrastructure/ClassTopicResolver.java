package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.EventTopic;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default topics: the class name, or the value of the class's {@link EventTopic} annotation.
 * <p>
 * Annotated classes must be registered, so that their topics resolve before any of their events is
 * written in this process. The topics of the first release's {@code AggregateRoot.AttributeChanged} and
 * {@code AggregateRoot.Discarded} resolve to the events of {@link TimestampedVersionedEntity} that replaced them. A topic that is not registered is loaded as a class name, and only a
 * {@link DomainEvent} class is accepted, so stored data cannot make the store load arbitrary classes.
 * Thread-safe.
 */
public final class ClassTopicResolver implements TopicResolver {

    /** The topics of the first release's own events whose classes have since moved. */
    private static final Map<String, Class<? extends DomainEvent>> MOVED = Map.of(
            "io.eventsourcing.domain.AggregateRoot$AttributeChanged", TimestampedVersionedEntity.AttributeChanged.class,
            "io.eventsourcing.domain.AggregateRoot$Discarded", TimestampedVersionedEntity.Discarded.class);

    private final Map<String, Class<? extends DomainEvent>> registered;
    private final Map<String, Class<? extends DomainEvent>> loaded = new ConcurrentHashMap<>();
    private final ClassLoader classLoader;

    /** Topics are class names, or the annotations of classes loaded by name. */
    public ClassTopicResolver() {
        this(List.of());
    }

    /** Also resolves the topics of the given classes, which may be annotated with {@link EventTopic}. */
    public ClassTopicResolver(Collection<Class<? extends DomainEvent>> eventClasses) {
        Map<String, Class<? extends DomainEvent>> byTopic = new HashMap<>(MOVED);
        for (Class<? extends DomainEvent> eventClass : eventClasses) {
            Class<? extends DomainEvent> previous = byTopic.put(topicOf(eventClass), eventClass);
            if (previous != null && previous != eventClass) {
                throw new IllegalArgumentException("Topic '" + topicOf(eventClass) + "' names both "
                        + previous.getName() + " and " + eventClass.getName());
            }
        }
        this.registered = Map.copyOf(byTopic);
        this.classLoader = ClassTopicResolver.class.getClassLoader();
    }

    @Override
    public String topicOf(Class<? extends DomainEvent> eventClass) {
        EventTopic annotation = eventClass.getAnnotation(EventTopic.class);
        return annotation != null ? annotation.value() : eventClass.getName();
    }

    @Override
    public Class<? extends DomainEvent> classOf(String topic) {
        Class<? extends DomainEvent> eventClass = registered.get(topic);
        return eventClass != null ? eventClass : loaded.computeIfAbsent(topic, this::load);
    }

    private Class<? extends DomainEvent> load(String className) {
        Class<?> type;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            type = Class.forName(className, false, loader != null ? loader : classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("Topic '" + className + "' names no registered event class"
                    + " and no loadable class", e);
        }
        if (!DomainEvent.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("Topic '" + className + "' names " + type.getName()
                    + ", which is not a DomainEvent");
        }
        return type.asSubclass(DomainEvent.class);
    }
}
