package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.NodeUnavailableException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryValidationException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import io.eventsourcing.infrastructure.StoreException;
import io.eventsourcing.infrastructure.StoreUnavailableException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Turns the driver's exceptions into {@link StoreException}s that say what happened to the data. */
final class CassandraFailures {

    private static final String MAY_YET_BE_APPLIED = "The lightweight transaction may have been applied, or may yet be"
            + " completed by a later one";

    private CassandraFailures() {
    }

    /**
     * A lightweight transaction was refused, or failed and was found not applied: nothing was stored. Refused for
     * want of replicas or connections, the store is unavailable.
     */
    static StoreException transactionFailed(String append, DriverException e) {
        return nothingDone("Appending " + append + " failed, and stored nothing: " + describe(e), e);
    }

    /**
     * A lightweight transaction failed, and so did the read that would have told whether it was applied: a
     * timeout in the Paxos round leaves a proposal that a later round may still complete.
     */
    static StoreException outcomeUnknown(String append, DriverException e) {
        return new StoreException("Appending " + append + " failed, and whether it was stored is unknown: "
                + describe(e) + ". " + MAY_YET_BE_APPLIED + "; read the sequence to find out", e);
    }

    /**
     * A lightweight transaction other than an append's failed: refused, it changed nothing; otherwise whether it
     * took effect is unknown.
     */
    static StoreException writeFailed(String write, DriverException e) {
        if (wasRefused(e)) {
            return nothingDone(write + " failed, and changed nothing: " + describe(e), e);
        }
        return new StoreException(write + " failed, and whether it took effect is unknown: " + describe(e) + ". "
                + MAY_YET_BE_APPLIED, e);
    }

    /** A deletion failed part way: what it deleted stays deleted, and deleting again removes the rest. */
    static StoreException deletionFailed(String deletion, int deleted, Throwable e) {
        Throwable cause = unwrap(e);
        return nothingDone("Deleting " + deletion + " failed after deleting at least " + deleted + " items, which"
                + " stay deleted; deleting again removes the rest: " + describe(cause), cause);
    }

    /**
     * An append ran out of the time that the notification log allows it before a lightweight transaction: it
     * stored nothing more.
     */
    static StoreException outOfTime(String append, AppendDeadline deadline, @Nullable Throwable lastFailure) {
        return new StoreException("Appending " + append + " failed, and stored nothing: it did not store its items"
                + " within the " + deadline.bound().toMillis() + " ms that the notification log allows an append"
                + " (half its settle time)" + (lastFailure == null ? "" : ", after " + describe(lastFailure)),
                lastFailure);
    }

    /**
     * An append stored its items later than the notification log allows, so that a reader may have passed their
     * storage positions, and removed them (or tried to: {@code undone} says whether it did).
     */
    static StoreException storedTooLate(String append, AppendDeadline deadline, boolean undone) {
        String took = "Appending " + append + " took " + deadline.elapsed().toMillis() + " ms, more than the "
                + deadline.bound().toMillis() + " ms that the notification log allows an append (half its settle"
                + " time), so that readers of the log may have passed its storage positions: ";
        return new StoreException(took + (undone ? "it was undone, and stored nothing"
                : "undoing it failed, so some of its items remain stored, where a reader of the log may miss them"),
                null);
    }

    /** One of the writes that precede an append's lightweight transaction failed: no item was stored. */
    static StoreException preparationFailed(String append, Throwable e) {
        Throwable cause = unwrap(e);
        return nothingDone("Appending " + append + " failed before any item was written, and stored nothing: "
                + describe(cause), cause);
    }

    /** A read failed. */
    static StoreException readFailed(String read, Throwable e) {
        Throwable cause = unwrap(e);
        return nothingDone(read + " failed: " + describe(cause), cause);
    }

    /** A request that did nothing: the store is unavailable if it failed for want of replicas or connections. */
    private static StoreException nothingDone(String message, Throwable cause) {
        return isUnavailability(cause) ? new StoreUnavailableException(message, cause)
                : new StoreException(message, cause);
    }

    static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    /**
     * Whether the request was refused before any replica took part in it: too few replicas alive, no connection
     * to any node, an overloaded coordinator, an invalid statement. Any other failure of a lightweight
     * transaction leaves its outcome unknown.
     */
    static boolean wasRefused(Throwable e) {
        if (e instanceof AllNodesFailedException allNodesFailed) {
            return errors(allNodesFailed).allMatch(CassandraFailures::wasRefused);
        }
        return e instanceof UnavailableException || e instanceof NodeUnavailableException
                || e instanceof OverloadedException || e instanceof QueryValidationException;
    }

    /** Whether too few replicas are alive, or no node can be reached. */
    private static boolean isUnavailability(Throwable e) {
        if (e instanceof AllNodesFailedException allNodesFailed) {
            return errors(allNodesFailed).allMatch(CassandraFailures::isUnavailability);
        }
        return e instanceof UnavailableException || e instanceof NodeUnavailableException
                || e instanceof NoNodeAvailableException;
    }

    private static String describe(Throwable e) {
        if (e instanceof AllNodesFailedException allNodesFailed) {
            return errors(allNodesFailed).filter(UnavailableException.class::isInstance).findFirst()
                    .map(CassandraFailures::describe).orElseGet(() -> e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (e instanceof UnavailableException unavailable) {
            return "only " + unavailable.getAlive() + " of the " + unavailable.getRequired()
                    + " replicas needed for consistency " + unavailable.getConsistencyLevel() + " are alive";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The errors of every node the driver tried, the last one of each node last. */
    private static Stream<Throwable> errors(AllNodesFailedException e) {
        return e.getAllErrors().values().stream().flatMap(List::stream);
    }
}
