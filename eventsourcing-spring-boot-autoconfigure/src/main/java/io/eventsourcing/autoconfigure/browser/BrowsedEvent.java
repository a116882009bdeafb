package io.eventsourcing.autoconfigure.browser;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A stored event as the event browser shows it.
 *
 * @param logPosition its position in the notification log, when read from the log
 * @param sequenceId the id of its sequence (its entity)
 * @param position its position in the sequence
 * @param type its topic, the stable name of its type
 * @param timestamp when it happened; null if it cannot be read
 * @param data the event as the application reads it (decrypted), as JSON; null if it cannot be read
 * @param erased whether its personal data was erased, its data subject forgotten: then {@code data} lacks it
 * @param error why it cannot be read, in words that name no class; null if it can
 */
record BrowsedEvent(@Nullable Long logPosition, UUID sequenceId, long position, String type,
                    @Nullable Instant timestamp, @Nullable JsonNode data, boolean erased, @Nullable String error) {
}
