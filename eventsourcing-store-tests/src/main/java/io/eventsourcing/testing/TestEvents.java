package io.eventsourcing.testing;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.EventTopic;
import io.eventsourcing.domain.TimestampedEvent;
import io.eventsourcing.domain.VersionedEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events used by the contract test suites, covering the value types that must round-trip exactly. */
public final class TestEvents {

    private TestEvents() {
    }

    /** A currency, to check that enums round-trip. */
    public enum Currency { EUR, GBP }

    /** A nested value, to check that nested records round-trip. */
    public record Money(BigDecimal amount, Currency currency) {
    }

    /** An event of a versioned entity with many value types. */
    public record Deposited(UUID originatorId, long originatorVersion, Instant timestamp, Money money, LocalDate valueDate,
                            Duration clearing, List<String> tags, Map<String, Integer> counts) implements VersionedEvent {
    }

    /** An event stored under a stable topic rather than its class name. */
    @EventTopic("test.Renamed")
    public record Renamed(UUID originatorId, long originatorVersion, Instant timestamp, String name)
            implements VersionedEvent {
    }

    /** An event whose id and version attributes have names of the application's own. */
    public record ItemAdded(UUID basketId, long basketVersion, Instant timestamp, String item) implements DomainEvent {
    }

    /** A time-sequenced event, an entry in a log. */
    public record LogEntry(UUID originatorId, Instant timestamp, String message) implements TimestampedEvent {
    }
}
