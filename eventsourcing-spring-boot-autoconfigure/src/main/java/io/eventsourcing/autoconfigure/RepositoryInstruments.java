package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.ConcurrencyException;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Supplier;

/**
 * The instruments of one entity type's repository, registered once: an observation around each append
 * ({@value #APPEND}) and each load ({@value #LOAD}), which Spring Boot turns into timers of those names and into
 * spans, and the counts beside them. Tagged by store and entity type only: never an entity's id.
 */
final class RepositoryInstruments {

    static final String APPEND = "eventsourcing.append";
    static final String LOAD = "eventsourcing.load";

    private final ObservationRegistry observationRegistry;
    private final KeyValues keyValues;
    private final String entityName;
    private final DistributionSummary eventsPerAppend;
    private final Counter conflicts;
    private final DistributionSummary eventsReplayed;
    private final Counter snapshotHits;

    RepositoryInstruments(MeterRegistry meterRegistry, ObservationRegistry observationRegistry, String store,
                          Class<?> entityType) {
        this.observationRegistry = observationRegistry;
        this.entityName = entityType.getSimpleName();
        this.keyValues = KeyValues.of("store", store, "entity.type", entityName);
        Tags tags = Tags.of("store", store, "entity.type", entityName);
        this.eventsPerAppend = DistributionSummary.builder(APPEND + ".events").baseUnit("events").tags(tags)
                .description("Events stored by each append, one entity's save").register(meterRegistry);
        this.conflicts = Counter.builder(APPEND + ".conflicts").tags(tags)
                .description("Appends refused because the entity was changed concurrently").register(meterRegistry);
        this.eventsReplayed = DistributionSummary.builder(LOAD + ".events").baseUnit("events").tags(tags)
                .description("Events applied by each rebuild of an entity: a load, or a snapshot taken on demand")
                .register(meterRegistry);
        this.snapshotHits = Counter.builder("eventsourcing.snapshot.hits").tags(tags)
                .description("Loads that started from a snapshot").register(meterRegistry);
    }

    /** Runs a save that appends events, observed, counting them and a concurrency conflict. */
    void append(int events, Runnable save) {
        observation(APPEND, "append ").observe(() -> {
            try {
                save.run();
            } catch (ConcurrencyException e) {
                conflicts.increment();
                throw e;
            }
        });
        eventsPerAppend.record(events);
    }

    /** Runs a load, observed. */
    <R> R load(Supplier<R> load) {
        return observation(LOAD, "load ").observe(load);
    }

    /** Counts a replay's events, and a start from a snapshot. */
    void replayed(int events, boolean fromSnapshot) {
        eventsReplayed.record(events);
        if (fromSnapshot) {
            snapshotHits.increment();
        }
    }

    private Observation observation(String name, String verb) {
        return Observation.createNotStarted(name, observationRegistry).contextualName(verb + entityName)
                .lowCardinalityKeyValues(keyValues);
    }
}
