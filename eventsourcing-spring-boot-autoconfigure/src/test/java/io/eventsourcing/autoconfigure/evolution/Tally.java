package io.eventsourcing.autoconfigure.evolution;

import io.eventsourcing.domain.SchemaVersion;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.UUID;

/** An entity whose state's {@code count} became {@code total} in its schema version 2. */
@SchemaVersion(2)
public class Tally extends TimestampedVersionedEntity {

    /** Published when a tally is started. */
    public record Started(UUID originatorId, long originatorVersion, Instant timestamp) implements VersionedEvent {
    }

    /** Published when a tally adds an amount. */
    public record Added(UUID originatorId, long originatorVersion, Instant timestamp, long amount)
            implements VersionedEvent {
    }

    private long total;

    Tally(Started started) {
        super(started);
    }

    public static Tally start() {
        return create(Started::new, Tally::new);
    }

    public void add(long amount) {
        trigger((id, version, timestamp) -> new Added(id, version, timestamp, amount));
    }

    public long getTotal() {
        return total;
    }

    @Override
    protected void when(VersionedEvent event) {
        if (event instanceof Added added) {
            total += added.amount();
        } else {
            super.when(event);
        }
    }
}
