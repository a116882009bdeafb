package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.StoreUnavailableException;
import java.util.Objects;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Up while the event store answers a read of its last event (one indexed query), with the store's kind, table and
 * the last event's log position; down otherwise, saying only whether the store could not be reached or failed: the
 * cause is logged, never shown.
 */
final class EventStoreHealthIndicator implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(EventStoreHealthIndicator.class);

    private final StoreInspector store;

    EventStoreHealthIndicator(StoreInspector store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Health health() {
        StoreDescription description = store.description();
        Health.Builder health = Health.unknown().withDetail("store", description.kind())
                .withDetail("table", description.name());
        try {
            OptionalLong last = store.lastPosition();
            return health.up().withDetail("lastPosition", last.isPresent() ? last.getAsLong() : 0).build();
        } catch (StoreUnavailableException e) {
            log.warn("Event store health: {}", e.getMessage());
            return health.down().withDetail("error", "The store cannot be reached").build();
        } catch (RuntimeException e) {
            log.warn("Event store health: the store failed to answer", e);
            return health.down().withDetail("error", "The store failed to answer").build();
        }
    }
}
