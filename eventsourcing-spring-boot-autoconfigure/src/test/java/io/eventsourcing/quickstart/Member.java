package io.eventsourcing.quickstart;

import io.eventsourcing.domain.PersonalData;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member of a club: a data subject, whose name and address are personal data. */
public class Member extends TimestampedVersionedEntity {

    // tag::member[]
    /** Joined: the name is personal, the level is not. */
    public record Joined(UUID originatorId, long originatorVersion, Instant timestamp,
                         @PersonalData @Nullable String name, String level) implements VersionedEvent {
    }

    /** Moved: all of it is personal (but its ids and timestamp). */
    @PersonalData
    public record Moved(UUID originatorId, long originatorVersion, Instant timestamp, @Nullable String address)
            implements VersionedEvent {
    }
    // end::member[]

    private final @Nullable String name;
    private @Nullable String address;

    Member(Joined joined) {
        super(joined);
        this.name = joined.name();
    }

    /** A new member, at the gold level. */
    public static Member join(String name) {
        return create((id, version, timestamp) -> new Joined(id, version, timestamp, name, "gold"), Member::new);
    }

    /** Records a new address. */
    public void moveTo(String newAddress) {
        trigger((id, version, timestamp) -> new Moved(id, version, timestamp, newAddress));
    }

    public @Nullable String getName() {
        return name;
    }

    public @Nullable String getAddress() {
        return address;
    }

    @Override
    protected void when(VersionedEvent event) {
        if (event instanceof Moved moved) {
            address = moved.address();
        } else {
            super.when(event);
        }
    }
}
