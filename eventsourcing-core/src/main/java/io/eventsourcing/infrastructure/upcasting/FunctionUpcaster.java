package io.eventsourcing.infrastructure.upcasting;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.node.ObjectNode;

/** An upcaster made of a function, as {@link Upcaster}'s factories make them. */
record FunctionUpcaster(String topic, int fromVersion, Function<ObjectNode, List<EventJson>> function)
        implements Upcaster {

    FunctionUpcaster {
        Objects.requireNonNull(topic, "topic");
        if (fromVersion < 1) {
            throw new IllegalArgumentException("An upcaster of topic '" + topic + "' must take a schema version of 1"
                    + " or more, not " + fromVersion);
        }
    }

    @Override
    public List<EventJson> upcast(ObjectNode json) {
        return function.apply(json);
    }

    @Override
    public String toString() {
        return "Upcaster[topic " + topic + " from version " + fromVersion + "]";
    }
}
