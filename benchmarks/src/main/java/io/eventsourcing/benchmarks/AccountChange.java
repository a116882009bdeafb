package io.eventsourcing.benchmarks;

/**
 * What happens to an account, as the hand-written baseline stores it: the business fields only, without the
 * account's id, version or a timestamp, which are columns of the row or not kept at all.
 */
sealed interface AccountChange {

    /** The change at a version: the account is opened at version 0, and money deposited after. */
    static AccountChange at(long version) {
        return version == 0 ? Payload.OPENING : Payload.DEPOSIT;
    }

    /** The note that comes with every change. */
    String note();

    /** The account is opened. */
    record Opening(String owner, String note) implements AccountChange {
    }

    /** Money is deposited. */
    record Deposit(long amount, String note) implements AccountChange {
    }
}
