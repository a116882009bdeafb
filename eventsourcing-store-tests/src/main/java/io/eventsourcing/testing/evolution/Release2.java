package io.eventsourcing.testing.evolution;

import io.eventsourcing.domain.EventTopic;
import io.eventsourcing.domain.SchemaVersion;
import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.infrastructure.ClassTopicResolver;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The account's events as the second release wrote them: {@code Deposited}'s amount renamed. */
public final class Release2 {

    /** Money deposited. */
    @EventTopic("account.Deposited")
    @SchemaVersion(2)
    public record Deposited(UUID originatorId, long originatorVersion, Instant timestamp, long amountInCents)
            implements VersionedEvent {
    }

    private Release2() {
    }

    /** The second release's mapper, with its upcaster. */
    public static SequencedItemMapper mapper() {
        return SequencedItemMapper.builder()
                .topicResolver(new ClassTopicResolver(List.of(Release1.Opened.class, Deposited.class)))
                .upcasters(AccountUpcasters.events().subList(0, 1))
                .build();
    }
}
