package io.eventsourcing.testing;

import io.eventsourcing.infrastructure.SequencedItem;
import java.nio.charset.StandardCharsets;
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
}
