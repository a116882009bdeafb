package io.eventsourcing.testing.evolution;

import io.eventsourcing.domain.EventTopic;
import io.eventsourcing.domain.SchemaVersion;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The account of the third, current release. Its events: {@code Opened} without the first deposit, which is a
 * {@code Deposited} of its own; {@code Deposited} with the day it was booked on. Its snapshots: the balance was
 * {@code balance} before schema version 2.
 */
@SchemaVersion(2)
public class Account extends TimestampedVersionedEntity {

    // tag::events[]
    /** An account opened. */
    @EventTopic("account.Opened")
    @SchemaVersion(2)
    public record Opened(UUID originatorId, long originatorVersion, Instant timestamp, String owner)
            implements VersionedEvent {
    }

    /** Money deposited, booked on a day. */
    @EventTopic("account.Deposited")
    @SchemaVersion(3)
    public record Deposited(UUID originatorId, long originatorVersion, Instant timestamp, long amountInCents,
                            LocalDate bookedOn) implements VersionedEvent {
    }
    // end::events[]

    private final String owner;
    private long balanceInCents;

    Account(Opened opened) {
        super(opened);
        this.owner = opened.owner();
    }

    /** Opens an account. */
    public static Account open(String owner) {
        return create((id, version, timestamp) -> new Opened(id, version, timestamp, owner), Account::new);
    }

    /** Deposits money, booked on a day. */
    public void deposit(long amountInCents, LocalDate bookedOn) {
        trigger((id, version, timestamp) -> new Deposited(id, version, timestamp, amountInCents, bookedOn));
    }

    public String getOwner() {
        return owner;
    }

    public long getBalanceInCents() {
        return balanceInCents;
    }

    @Override
    protected void when(VersionedEvent event) {
        if (event instanceof Deposited deposited) {
            balanceInCents += deposited.amountInCents();
        } else {
            super.when(event);
        }
    }
}
