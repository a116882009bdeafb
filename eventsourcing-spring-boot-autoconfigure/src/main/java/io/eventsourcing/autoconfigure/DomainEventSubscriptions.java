package io.eventsourcing.autoconfigure;

import io.eventsourcing.application.PersistencePolicy;
import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.EventHandler;
import java.util.Objects;
import org.springframework.context.SmartLifecycle;

/**
 * Subscribes the persistence policy, then the handler that forwards events to the context's listeners, to
 * the context's own {@link EventBus} while the context runs; unsubscribes both when it stops, pauses (as the
 * test context cache pauses contexts it keeps) or closes, so that a repository's save in an inactive context
 * fails loudly instead of storing or forwarding anything.
 * <p>
 * Handlers are called in the order they subscribed, so listeners see an event after it is appended. The
 * phase starts the subscriptions before the web server, message listeners and schedulers that save
 * entities, and ends them after those stop.
 */
final class DomainEventSubscriptions implements SmartLifecycle {

    static final int PHASE = 0;

    private final EventBus eventBus;
    private final PersistencePolicy persistencePolicy;
    private final EventHandler listeners;
    private volatile boolean running;

    DomainEventSubscriptions(EventBus eventBus, PersistencePolicy persistencePolicy, EventHandler listeners) {
        this.eventBus = Objects.requireNonNull(eventBus, "eventBus");
        this.persistencePolicy = Objects.requireNonNull(persistencePolicy, "persistencePolicy");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
    }

    @Override
    public synchronized void start() {
        persistencePolicy.subscribe();
        if (!eventBus.isSubscribed(listeners)) {
            eventBus.subscribe(listeners);
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        eventBus.unsubscribe(listeners);
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
