package io.eventsourcing.sample;

import java.util.UUID;

/**
 * One write that a crash-test writer sent: the version the entity reaches once it is stored and, for an example,
 * the foo it sets.
 *
 * @param kind whether the entity is an example or an aggregate
 * @param entityId the entity; null for a create that got no answer, since the application chooses the id
 * @param version the entity's version once the write is stored
 * @param foo the example's foo once the write is stored; null for an aggregate
 */
record Write(Kind kind, UUID entityId, long version, String foo) {

    /** The two kinds of entity of the sample's API. */
    enum Kind {
        EXAMPLE("/examples"), AGGREGATE("/aggregates");

        private final String path;

        Kind(String path) {
            this.path = path;
        }

        /** The API's path of the entity. */
        String pathOf(UUID id) {
            return path + "/" + id;
        }
    }

    /** This write, of the entity it was sent to or, for a create, of the entity the application created. */
    Write of(UUID createdId) {
        return entityId != null ? this : new Write(kind, createdId, version, foo);
    }
}
