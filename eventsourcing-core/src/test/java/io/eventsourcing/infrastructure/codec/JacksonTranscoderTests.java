package io.eventsourcing.infrastructure.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.infrastructure.EventSequencing;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Records read back through their constructors, called directly, with Jackson's errors when they fail. */
class JacksonTranscoderTests {

    private static final UUID ID = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private static final JacksonTranscoder JSON = new JacksonTranscoder(JsonMapper.shared(),
            EventSequencing.ORIGINATOR);

    record Priced(UUID originatorId, long originatorVersion, Instant timestamp, long cents, List<String> tags)
            implements VersionedEvent {

        Priced {
            if (cents < 0) {
                throw new IllegalArgumentException("cents must not be negative, was " + cents);
            }
            tags = List.copyOf(tags);
        }
    }

    private record Hidden(UUID originatorId, long originatorVersion, Instant timestamp, String note)
            implements VersionedEvent {
    }

    @Test
    void recordsOfEveryVisibilityReadBackThroughTheirCanonicalConstructors() {
        Priced priced = new Priced(ID, 3, AT, 250, List.of("a", "b"));
        Hidden hidden = new Hidden(ID, 4, AT, "private record");

        assertThat(JSON.decode(Priced.class, ID, 3, JSON.encode(priced))).isEqualTo(priced);
        assertThat(JSON.decode(Hidden.class, ID, 4, JSON.encode(hidden))).isEqualTo(hidden);
    }

    @Test
    void aConstructorThatRefusesItsArgumentsFailsWithJacksonsMessageNamingTheCause() {
        byte[] negative = "{\"timestamp\":1796292000000000,\"cents\":-5,\"tags\":[]}".getBytes(UTF_8);

        assertThatThrownBy(() -> JSON.decode(Priced.class, ID, 3, negative))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cents must not be negative, was -5")
                .hasMessageContaining("Priced");
    }
}
