package io.eventsourcing.infrastructure.upcasting;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/**
 * One step of the schema evolution of a topic: turns the JSON of an event stored under {@link #topic()} at
 * schema version {@link #fromVersion()} into the JSON of a later version, of the same topic or of others (a
 * renamed event type), one event or several (a split). Registered upcasters form chains that are applied,
 * step by step, whenever an event is read, until the data is at the current version of its event class.
 * <p>
 * Upcasters must be pure functions of the JSON: the stored data is never rewritten by a read. Build one with
 * {@link #of}, {@link #renaming} or {@link #splitting}, or implement this interface.
 */
public interface Upcaster {

    /** The topic whose data this upcaster takes. */
    String topic();

    /** The schema version it takes that data from. */
    int fromVersion();

    /**
     * The events that the JSON becomes: at least one.
     *
     * @param json the event's attributes, at {@link #fromVersion()} of {@link #topic()}; may be changed and returned
     */
    List<EventJson> upcast(ObjectNode json);

    /** An upcaster that changes the JSON in place, to the next version of the same topic. */
    static Upcaster of(String topic, int fromVersion, Consumer<ObjectNode> change) {
        Objects.requireNonNull(change, "change");
        return new FunctionUpcaster(topic, fromVersion, json -> {
            change.accept(json);
            return List.of(new EventJson(topic, fromVersion + 1, json));
        });
    }

    /** An upcaster that stores the JSON as it is under another topic, at a version of that topic. */
    static Upcaster renaming(String topic, int fromVersion, String newTopic, int newVersion) {
        Objects.requireNonNull(newTopic, "newTopic");
        return new FunctionUpcaster(topic, fromVersion, json -> List.of(new EventJson(newTopic, newVersion, json)));
    }

    /** An upcaster that turns the JSON into the JSON of one or more events, each under a topic at a version. */
    static Upcaster splitting(String topic, int fromVersion, Function<ObjectNode, List<EventJson>> split) {
        return new FunctionUpcaster(topic, fromVersion, Objects.requireNonNull(split, "split"));
    }
}
