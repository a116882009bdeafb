package io.eventsourcing.sample.application;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Thrown when a command names the version it expects an entity to be at, and the entity is at another. */
public class UnexpectedVersionException extends RuntimeException {

    private final UUID entityId;
    private final long expectedVersion;
    private final long actualVersion;

    public UnexpectedVersionException(UUID entityId, long expectedVersion, long actualVersion) {
        super("Entity " + entityId + " is at version " + actualVersion + ", not " + expectedVersion);
        this.entityId = entityId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /** Passes if no version is expected, or the actual one is it; throws otherwise. */
    static void check(UUID entityId, long actualVersion, @Nullable Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != actualVersion) {
            throw new UnexpectedVersionException(entityId, expectedVersion, actualVersion);
        }
    }

    public UUID getEntityId() {
        return entityId;
    }

    public long getExpectedVersion() {
        return expectedVersion;
    }

    public long getActualVersion() {
        return actualVersion;
    }
}
