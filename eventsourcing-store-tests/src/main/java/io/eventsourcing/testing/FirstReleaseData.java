package io.eventsourcing.testing;

import io.eventsourcing.domain.EventTopic;
import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.infrastructure.ClassTopicResolver;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.codec.AESCipher;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of a store written by the first release, for tests of an upgrade: the text of each row's data column, as
 * that release wrote it (JSON holding the originator and an ISO-8601 timestamp; base64 ciphertexts of its
 * AESCipher, one of them deflated), and the events they hold.
 */
public final class FirstReleaseData {

    /** The topic of the rows' events. */
    public static final String TOPIC = "upgrade.Noted";

    /** The key the ciphertexts were written with. */
    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private static final String PLAIN = "{\"entityId\":\"" + UUID.randomUUID() + "\",\"entityVersion\":0,"
            + "\"timestamp\":\"2026-11-30T09:59:59.123456789Z\",\"text\":\"plain, written \u2615 before\"}";
    private static final String SMALL_CIPHERTEXT = "AgA+sb1Dw8I0ZDRepFnMmRlBImGc2oMP1yeBL/r6VT3k7t2EvcW0fRO8MIJDX9JfT/"
            + "ZjPu/d/+8PzgnxKqCrQs1tsJrGbjpsrfIr87Xd22YVu9yh8/bBJNQ7YDZfNSUaIF6IHBiqQlwNrBHLDmVBgH4Ohe7PRloGJeKQstxwh7x"
            + "hShhQUS+S1m8r9sxpqUZtycYbKxCrWS+AEaUkMESI23aWRkLEJJQfQLtik7Dwd8NwQdJ1clMo84/m/GwDvw==";
    private static final String DEFLATED_CIPHERTEXT = "AgE+sb1DjS7p0ZyJsybgJ7JJyJ/PTeQZQMKGz50q+k2Dy62GBmmlbBNta0IXFfpfZG"
            + "hbeWYl3RGJUlWsHU3w+roOcoU7zfI3UjktEM/4WX5fPofXmAyI1bWJ3PaQGN9m9f8TjXZHRo9J2UlFdzUPT7rV8kjvFuYqsiNeaSaM97l"
            + "gZnZEtLajIuoJl8gG6Zqn3TmAxjg=";

    /** The event of the rows. */
    @EventTopic(TOPIC)
    public record Noted(UUID originatorId, long originatorVersion, Instant timestamp, String text)
            implements VersionedEvent {
    }

    private FirstReleaseData() {
    }

    /** The data column's text of the rows at positions 0, 1 and 2. */
    public static List<String> rows() {
        return List.of(PLAIN, SMALL_CIPHERTEXT, DEFLATED_CIPHERTEXT);
    }

    /** The events that the rows of a sequence hold. */
    public static List<Noted> events(UUID sequenceId) {
        return List.of(new Noted(sequenceId, 0, Instant.parse("2026-11-30T09:59:59.123456789Z"),
                        "plain, written \u2615 before"),
                new Noted(sequenceId, 1, Instant.parse("2026-11-30T10:00:00.123456Z"), "secret of the first release"),
                new Noted(sequenceId, 2, Instant.parse("2026-11-30T10:00:01Z"), "long secret ".repeat(100)));
    }

    /** A mapper of the rows' events, with the key that the first release wrote them with. */
    public static SequencedItemMapper mapper() {
        return SequencedItemMapper.builder().topicResolver(new ClassTopicResolver(List.of(Noted.class)))
                .cipher(AESCipher.fromBase64(KEY)).build();
    }
}
