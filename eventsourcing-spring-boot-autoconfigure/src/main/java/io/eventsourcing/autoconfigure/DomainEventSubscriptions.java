package io.eventsourcing.autoconfigure;

import io.eventsourcing.application.PersistencePolicy;
import io.eventsourcing.domain.DomainEvents;
import io.eventsourcing.domain.EventHandler;
import java.util.Objects;
import org.springframework.context.SmartLifecycle;

/**
 * Subscribes the persistence policy, then the handler that forwards events to the context's listeners, while
 * the context runs; unsubscribes both when it stops, pauses (as the test context cache pauses contexts it
 * keeps) or closes, so that an inactive context neither stores nor forwards events of the process-wide bus.
 * <p>
 * Handlers are called in the order they subscribed, so listeners see an event after it is stored. The phase
 * starts the subscriptions before the web server, message listeners and schedulers that publish events,
 * and ends them after those stop.
 */
final class DomainEventSubscriptions implements SmartLifecycle {

    static final int PHASE = 0;

    private final PersistencePolicy persistencePolicy;
    private final EventHandler listeners;
    private volatile boolean running;

    DomainEventSubscriptions(PersistencePolicy persistencePolicy, EventHandler listeners) {
        this.persistencePolicy = Objects.requireNonNull(persistencePolicy, "persistencePolicy");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
    }

    @Override
    public synchronized void start() {
        persistencePolicy.subscribe();
        if (!DomainEvents.isSubscribed(listeners)) {
            DomainEvents.subscribe(listeners);
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        DomainEvents.unsubscribe(listeners);
        persistencePolicy.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
