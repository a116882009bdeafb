package io.eventsourcing.infrastructure.shredding;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A data subject's row of a {@link DataKeyStore}.
 *
 * @param subjectId the subject
 * @param wrappedKey its data key, encrypted under the master key; {@code null} once the subject is forgotten
 */
public record StoredDataKey(UUID subjectId, byte @Nullable [] wrappedKey) {

    public StoredDataKey {
        Objects.requireNonNull(subjectId, "subjectId");
    }

    /** Whether the subject was forgotten: its key destroyed. */
    public boolean forgotten() {
        return wrappedKey == null;
    }

    /** The subject and whether it is forgotten: never the key. */
    @Override
    public String toString() {
        return "StoredDataKey[" + subjectId + (forgotten() ? ", forgotten]" : "]");
    }
}
