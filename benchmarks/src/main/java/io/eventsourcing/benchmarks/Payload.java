package io.eventsourcing.benchmarks;

import io.eventsourcing.benchmarks.Account.Deposited;
import io.eventsourcing.benchmarks.Account.Opened;
import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The contents of the benchmark's events, alike on every side: realistic text, so that compression has something
 * to do.
 */
final class Payload {

    static final String OWNER = "Ada Lovelace";
    static final String NOTE = "Monthly transfer from savings account 4711-0815, reference INV-2024-Q3-000123,"
            + " approved by treasury; cost centre 42, booked by the nightly batch";
    static final long AMOUNT = 12_345;
    static final AccountChange.Opening OPENING = new AccountChange.Opening(OWNER, NOTE);
    static final AccountChange.Deposit DEPOSIT = new AccountChange.Deposit(AMOUNT, NOTE);

    private Payload() {
    }

    static Opened opened(UUID accountId) {
        return new Opened(accountId, 0, Timestamps.now(), OWNER, NOTE);
    }

    static Deposited deposited(UUID accountId, long version) {
        return new Deposited(accountId, version, Timestamps.now(), AMOUNT, NOTE);
    }

    /** {@code count} events of each account from version {@code from}: opened at version 0, deposits after. */
    static List<DomainEvent> events(List<UUID> accountIds, long from, int count) {
        List<DomainEvent> events = new ArrayList<>(accountIds.size() * count);
        for (UUID accountId : accountIds) {
            for (long version = from; version < from + count; version++) {
                events.add(version == 0 ? opened(accountId) : deposited(accountId, version));
            }
        }
        return events;
    }
}
