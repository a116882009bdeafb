package io.eventsourcing.dcb;

import java.util.Objects;

/** What a tag may be: from 1 to {@value #MAX_LENGTH} characters, compared exactly. */
public final class Tags {

    /** The most characters a tag may have. */
    public static final int MAX_LENGTH = 255;

    private Tags() {
    }

    /**
     * The tag, if it can be stored and queried.
     *
     * @throws IllegalArgumentException naming the tag if it is empty or longer than {@value #MAX_LENGTH} characters
     */
    public static String requireValid(String tag) {
        Objects.requireNonNull(tag, "tag");
        if (tag.isEmpty() || tag.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A tag must have from 1 to " + MAX_LENGTH + " characters, '"
                    + (tag.length() > 40 ? tag.substring(0, 40) + "…" : tag) + "' has " + tag.length());
        }
        return tag;
    }
}
