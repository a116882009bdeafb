package io.eventsourcing.testing.evolution;

import io.eventsourcing.domain.EventTopic;
import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.infrastructure.ClassTopicResolver;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The account's events as the first release wrote them. */
public final class Release1 {

    /** An account opened, with its first deposit. */
    @EventTopic("account.Opened")
    public record Opened(UUID originatorId, long originatorVersion, Instant timestamp, String owner,
                         long initialDeposit) implements VersionedEvent {
    }

    /** Money deposited, in cents. */
    @EventTopic("account.Deposited")
    public record Deposited(UUID originatorId, long originatorVersion, Instant timestamp, long amount)
            implements VersionedEvent {
    }

    private Release1() {
    }

    /** The first release's mapper. */
    public static SequencedItemMapper mapper() {
        return SequencedItemMapper.builder()
                .topicResolver(new ClassTopicResolver(List.of(Opened.class, Deposited.class)))
                .build();
    }
}
