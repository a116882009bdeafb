package io.eventsourcing.autoconfigure;

import io.eventsourcing.domain.EventBus;
import io.eventsourcing.infrastructure.EventPlayer;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;

/** Makes each repository measured and traced by instruments of its own entity type, registered as it is made. */
final class ObservedRepositories implements RepositoryInstrumentation {

    private final MeterRegistry meterRegistry;
    private final ObservationRegistry observationRegistry;
    private final String store;

    ObservedRepositories(MeterRegistry meterRegistry, ObservationRegistry observationRegistry, String store) {
        this.meterRegistry = Objects.requireNonNull(meterRegistry, "meterRegistry");
        this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public <T> EventSourcedRepository<T> repository(EventPlayer<T> eventPlayer, EventBus eventBus,
                                                    Class<T> entityType) {
        RepositoryInstruments instruments = new RepositoryInstruments(meterRegistry, observationRegistry, store,
                entityType);
        return new ObservedEventSourcedRepository<>(eventPlayer.withReplayListener(instruments::replayed), eventBus,
                instruments);
    }
}
