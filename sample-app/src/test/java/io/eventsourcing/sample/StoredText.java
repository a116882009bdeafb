package io.eventsourcing.sample;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A search of everything a database stores for a text: every column of every row of every table of the application,
 * read as bytes. A test bean, one for each kind of database.
 */
interface StoredText {

    /** Where the text is stored, as {@code table.column} in lower case: empty if nowhere. */
    Set<String> placesOf(String text);

    /** Whether stored bytes hold a text, as UTF-8 (or, for ASCII, any encoding that extends ASCII). */
    static boolean holds(byte[] stored, String text) {
        return new String(stored, StandardCharsets.ISO_8859_1)
                .contains(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }
}
