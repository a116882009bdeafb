package io.eventsourcing.infrastructure.upcasting;

import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of a stored event, as upcasters read and write it: its attributes but the sequence id and position,
 * which the item's columns hold (its {@code timestamp} a number of microseconds since the epoch).
 *
 * @param topic the topic the JSON is an event of
 * @param schemaVersion the schema version of that topic the JSON has, 1 or more
 * @param json the attributes
 */
public record EventJson(String topic, int schemaVersion, ObjectNode json) {

    public EventJson {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(json, "json");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("The schema version of topic '" + topic + "' must be 1 or more, was "
                    + schemaVersion);
        }
    }

    /** The JSON's bytes, its numbers written as they were read. */
    public byte[] toBytes() {
        return JsonTrees.write(json);
    }

    /** The topic and version, for messages: never the JSON, which may hold a secret. */
    @Override
    public String toString() {
        return "EventJson[topic " + topic + ", schema version " + schemaVersion + "]";
    }
}
