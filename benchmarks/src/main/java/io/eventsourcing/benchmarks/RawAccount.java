package io.eventsourcing.benchmarks;

import io.eventsourcing.benchmarks.Account.Deposited;
import io.eventsourcing.benchmarks.Account.Opened;
import java.time.Instant;
import java.util.UUID;

/**
 * The raw-JDBC side's account: the same state as {@link Account}, folded by hand from the same event records, and
 * written to and read from its snapshots as a plain Jackson bean.
 */
final class RawAccount {

    public UUID id;
    public long version;
    public Instant createdOn;
    public Instant lastModifiedOn;
    public String owner;
    public long balance;
    public String lastNote;

    /** Applies an event; returns the account (a new one for {@link Opened}). */
    static RawAccount apply(RawAccount account, Object event) {
        if (event instanceof Opened opened) {
            RawAccount created = new RawAccount();
            created.id = opened.originatorId();
            created.version = 1;
            created.createdOn = opened.timestamp();
            created.lastModifiedOn = opened.timestamp();
            created.owner = opened.owner();
            created.lastNote = opened.note();
            return created;
        }
        if (event instanceof Deposited deposited) {
            if (account == null || deposited.originatorVersion() != account.version) {
                throw new IllegalStateException("Deposit at version " + deposited.originatorVersion() + " out of order");
            }
            account.balance += deposited.amount();
            account.lastNote = deposited.note();
            account.version++;
            account.lastModifiedOn = deposited.timestamp();
            return account;
        }
        throw new IllegalArgumentException("Unexpected event " + event);
    }
}
