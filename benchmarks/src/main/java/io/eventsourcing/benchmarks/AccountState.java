package io.eventsourcing.benchmarks;

import io.eventsourcing.benchmarks.AccountChange.Deposit;
import io.eventsourcing.benchmarks.AccountChange.Opening;
import org.jspecify.annotations.Nullable;

/**
 * An account as the hand-written baseline folds it from its changes, and as its snapshots hold it.
 *
 * @param version the number of changes applied
 */
record AccountState(long version, String owner, long balance, String lastNote) {

    /**
     * The state after the change at a version.
     *
     * @param state the state before it, {@code null} before the opening
     * @throws IllegalStateException if the change does not follow the state
     */
    static AccountState fold(@Nullable AccountState state, long version, AccountChange change) {
        long expected = state == null ? 0 : state.version;
        if (version != expected) {
            throw new IllegalStateException("Change at version " + version + ", expected " + expected);
        }
        if (change instanceof Opening opening && state == null) {
            return new AccountState(1, opening.owner(), 0, opening.note());
        }
        if (change instanceof Deposit deposit && state != null) {
            return new AccountState(version + 1, state.owner, state.balance + deposit.amount(), deposit.note());
        }
        throw new IllegalStateException(change + " cannot follow " + state);
    }
}
