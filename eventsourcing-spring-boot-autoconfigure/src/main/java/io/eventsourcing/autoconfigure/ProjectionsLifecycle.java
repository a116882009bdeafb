package io.eventsourcing.autoconfigure;

import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.EventHandler;
import io.eventsourcing.projection.Projections;
import java.util.Objects;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the projections while the context runs, and wakes them whenever the context's repositories save
 * events, so that they read the log at once rather than at their next poll. Starts after the persistence
 * policy is subscribed, stops before it is unsubscribed.
 */
final class ProjectionsLifecycle implements SmartLifecycle {

    private final Projections projections;
    private final EventBus eventBus;
    private final EventHandler wakeUp;

    ProjectionsLifecycle(Projections projections, EventBus eventBus) {
        this.projections = Objects.requireNonNull(projections, "projections");
        this.eventBus = Objects.requireNonNull(eventBus, "eventBus");
        this.wakeUp = events -> projections.wakeUp();
    }

    @Override
    public void start() {
        if (projections.names().isEmpty()) {
            return;
        }
        eventBus.subscribe(wakeUp);
        projections.start();
    }

    @Override
    public void stop() {
        eventBus.unsubscribe(wakeUp);
        projections.close();
    }

    @Override
    public boolean isRunning() {
        return projections.isRunning();
    }

    @Override
    public int getPhase() {
        return DomainEventSubscriptions.PHASE + 1;
    }
}
