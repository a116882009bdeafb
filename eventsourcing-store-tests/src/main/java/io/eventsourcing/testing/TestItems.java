package io.eventsourcing.testing;

import io.eventsourcing.infrastructure.SequencedItem;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/** Sequenced items for tests of stores. */
public final class TestItems {

    private TestItems() {
    }

    /** An item of topic {@code test.Topic} whose data names its position. */
    public static SequencedItem item(UUID sequenceId, long position) {
        return new SequencedItem(sequenceId, position, "test.Topic", utf8("{\"position\":" + position + "}"));
    }

    /** The UTF-8 bytes of a text. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether bytes hold the UTF-8 bytes of a text anywhere. */
    public static boolean holds(byte[] data, String text) {
        byte[] needle = utf8(text);
        for (int start = 0; start + needle.length <= data.length; start++) {
            if (Arrays.equals(data, start, start + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
