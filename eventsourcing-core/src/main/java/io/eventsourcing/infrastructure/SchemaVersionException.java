package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.DomainEvent;

/**
 * Thrown when a stored event is at a schema version that the code cannot read as its class: newer than the
 * class's current version (written by a later release), or older with no upcaster to take it further (a gap in
 * the chain). The message names the item's sequence id and position, its topic and the versions.
 */
public class SchemaVersionException extends DataIntegrityException {

    SchemaVersionException(SequencedItem item, int storedVersion, String topic, int schemaVersion,
                           Class<? extends DomainEvent> eventClass, int currentVersion) {
        super("Cannot read the event of " + item.describe() + ", stored as topic " + item.topic()
                + " at schema version " + storedVersion + ": "
                + (item.topic().equals(topic) && storedVersion == schemaVersion ? ""
                        : "upcast to topic " + topic + " at schema version " + schemaVersion + ", ")
                + (schemaVersion > currentVersion
                        ? "that version is newer than version " + currentVersion + " of " + eventClass.getName()
                                + ", the latest this code knows"
                        : "no upcaster takes it from that version to version " + currentVersion + " of "
                                + eventClass.getName()));
    }
}
