package io.eventsourcing.infrastructure.codec;

import java.util.Objects;

/**
 * A stored event's data as its transcoder wrote it, decrypted and decompressed, and the schema version of its
 * event class that it was written at.
 *
 * @param schemaVersion 1 or more
 * @param data the transcoder's bytes; not copied, so not to be changed
 * @param erased whether personal data was left out of them, its data subject forgotten
 */
public record TranscodedData(int schemaVersion, byte[] data, boolean erased) {

    public TranscodedData {
        Objects.requireNonNull(data, "data");
    }

    /** Data with nothing erased. */
    public TranscodedData(int schemaVersion, byte[] data) {
        this(schemaVersion, data, false);
    }

    /** The version and size: never the data, which may be a secret's plaintext. */
    @Override
    public String toString() {
        return "TranscodedData[schema version " + schemaVersion + ", " + data.length + " bytes"
                + (erased ? ", erased]" : "]");
    }
}
