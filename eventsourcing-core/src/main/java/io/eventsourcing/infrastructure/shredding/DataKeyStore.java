package io.eventsourcing.infrastructure.shredding;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The storage port of data keys: one row per data subject, holding its data key wrapped under the master key, or
 * nothing once the subject is forgotten. Every store of events has one, passing the same contract tests.
 * Implementations are thread-safe.
 */
public interface DataKeyStore {

    /** The subject's row, or empty if it has none. */
    Optional<StoredDataKey> find(UUID subjectId);

    /**
     * Stores a subject's first key, in the caller's transaction of the store if there is one, unless the subject
     * already has a row.
     *
     * @param whenSettled told once the new row is durable ({@code true}: at once without a transaction, after the
     *        commit within one) or will never be ({@code false}: the transaction rolled back); not told when the
     *        subject already had a row
     * @return the subject's row: the new one, or the one it already had
     */
    StoredDataKey create(UUID subjectId, byte[] wrappedKey, Consumer<Boolean> whenSettled);

    /** Destroys a subject's key, leaving a row that says it is forgotten, whether or not it had a key. */
    void forget(UUID subjectId);

    /**
     * Replaces a subject's wrapped key if it is still the expected one.
     *
     * @return whether it was replaced
     */
    boolean replace(UUID subjectId, byte[] expected, byte[] wrappedKey);

    /** At most {@code limit} rows, in the store's own order of subject ids, after a subject id ({@code null} for the
     * first page): paging through them visits each row once. */
    List<StoredDataKey> page(@Nullable UUID after, int limit);
}
