package io.eventsourcing.benchmarks;

import io.eventsourcing.domain.AggregateRoot;
import io.eventsourcing.domain.PersonalData;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The aggregate the library side of the benchmarks saves and rebuilds: an account with a balance. Its owner and notes
 * are personal data, encrypted under the account's own key where the mapper has data subjects' keys (the shredding
 * workload), stored like the rest elsewhere.
 */
public class Account extends AggregateRoot {

    /** Published when an account is opened. */
    public record Opened(UUID originatorId, long originatorVersion, Instant timestamp, @PersonalData String owner,
                         @PersonalData String note)
            implements VersionedEvent {
    }

    /** Published when money is deposited. */
    public record Deposited(UUID originatorId, long originatorVersion, Instant timestamp, long amount,
                            @PersonalData String note)
            implements VersionedEvent {
    }

    private final String owner;
    private long balance;
    private String lastNote;

    Account(Opened opened) {
        super(opened);
        this.owner = opened.owner();
        this.lastNote = opened.note();
    }

    /** A new account, pending until it is saved. */
    static Account open(UUID id, String owner, String note) {
        return create(id, (originatorId, version, timestamp) -> new Opened(originatorId, version, timestamp, owner,
                note), Account::new);
    }

    void deposit(long amount, String note) {
        trigger((id, version, timestamp) -> new Deposited(id, version, timestamp, amount, note));
    }

    long getBalance() {
        return balance;
    }

    @Override
    protected void when(VersionedEvent event) {
        if (event instanceof Deposited deposited) {
            balance += deposited.amount();
            lastNote = deposited.note();
        } else {
            super.when(event);
        }
    }
}
