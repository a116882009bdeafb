package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.PositionedEvent;
import io.eventsourcing.projection.ProjectionStatus;
import io.eventsourcing.projection.Projections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of each projection on this instance, registered once, tagged by store and projection: how far its serving
 * generation is behind the log in events ({@code eventsourcing.projection.lag.events}) and in seconds, the age of
 * the oldest event it has not applied ({@code eventsourcing.projection.lag.seconds}), and how many of its
 * generations are stopped by an event or retrying after a failure ({@code eventsourcing.projection.errors}). The
 * projections are read at most once a second, however many gauges are read.
 */
final class ProjectionMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionMetrics.class);
    private static final Duration MAX_SAMPLE_AGE = Duration.ofSeconds(1);

    private final Projections projections;
    private final EventStore eventStore;
    private final String store;
    private final Clock clock;
    private @Nullable Map<String, Sample> samples;
    private long sampledAt;

    /** One projection's figures. */
    private record Sample(double lagEvents, double lagSeconds, double errors) {
    }

    ProjectionMetrics(Projections projections, EventStore eventStore, String store, Clock clock) {
        this.projections = Objects.requireNonNull(projections, "projections");
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : projections.names()) {
            Tags tags = Tags.of("store", store, "projection", name);
            gauge(registry, "eventsourcing.projection.lag.events", "events", tags, name, Sample::lagEvents,
                    "Log positions between the last event and the serving generation's position");
            gauge(registry, "eventsourcing.projection.lag.seconds", "seconds", tags, name, Sample::lagSeconds,
                    "Age of the oldest event the serving generation has not applied; 0 when it is at the end");
            gauge(registry, "eventsourcing.projection.errors", null, tags, name, Sample::errors,
                    "Generations stopped by an event they cannot handle, or retrying after a failure");
        }
    }

    private void gauge(MeterRegistry registry, String meter, @Nullable String unit, Tags tags, String projection,
                       ToDoubleFunction<Sample> figure, String description) {
        Gauge.builder(meter, this, metrics -> {
            Sample sample = metrics.sample().get(projection);
            return sample == null ? Double.NaN : figure.applyAsDouble(sample);
        }).baseUnit(unit).tags(tags).description(description).strongReference(true).register(registry);
    }

    private synchronized Map<String, Sample> sample() {
        long now = clock.millis();
        Map<String, Sample> sampled = samples;
        if (sampled == null || now - sampledAt >= MAX_SAMPLE_AGE.toMillis()) {
            sampled = read();
            samples = sampled;
            sampledAt = now;
        }
        return sampled;
    }

    private Map<String, Sample> read() {
        List<ProjectionStatus> statuses;
        try {
            statuses = projections.statuses();
        } catch (RuntimeException e) {
            log.debug("Could not read the projections' statuses for their metrics: {}", e.getMessage());
            return Map.of();
        }
        Map<String, Sample> read = new HashMap<>();
        for (String name : projections.names()) {
            List<ProjectionStatus> generations = statuses.stream().filter(status -> status.name().equals(name))
                    .toList();
            Optional<ProjectionStatus> serving = generations.stream().filter(ProjectionStatus::serving).findFirst();
            long errors = generations.stream().filter(status -> status.lastError() != null).count();
            read.put(name, new Sample(serving.map(status -> (double) status.lag()).orElse(Double.NaN),
                    serving.map(this::lagSeconds).orElse(Double.NaN), errors));
        }
        return read;
    }

    /** The age of the first event after the generation's position; 0 if none, NaN if it cannot be read. */
    private double lagSeconds(ProjectionStatus status) {
        if (status.lag() == 0) {
            return 0;
        }
        try {
            return eventStore.getAllDomainEvents(status.position(), 1).findFirst().map(PositionedEvent::event)
                    .map(event -> Math.max(0, Duration.between(event.timestamp(), clock.instant()).toNanos() / 1e9))
                    .orElse(0.0);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
