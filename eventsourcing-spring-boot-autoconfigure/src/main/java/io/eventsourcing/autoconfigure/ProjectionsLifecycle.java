package io.eventsourcing.autoconfigure;

import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.EventHandler;
import io.eventsourcing.projection.LogNotifications;
import io.eventsourcing.projection.Projections;
import java.util.Objects;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs the projections while the context runs, and wakes them whenever a save of the context's repositories
 * (or an append of its DCB event store) commits, so that they read the log at once rather than at their next poll; tells the other instances of the
 * application of those saves, and wakes the projections at theirs. Starts after the persistence policy is
 * subscribed, stops before it is unsubscribed.
 */
final class ProjectionsLifecycle implements SmartLifecycle {

    private final Projections projections;
    private final EventBus eventBus;
    private final LogNotifications notifications;
    private final EventHandler appended;
    private volatile boolean running;

    ProjectionsLifecycle(Projections projections, EventBus eventBus, LogNotifications notifications) {
        this.projections = Objects.requireNonNull(projections, "projections");
        this.eventBus = Objects.requireNonNull(eventBus, "eventBus");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.appended = events -> appended();
    }

    /**
     * Wakes the projections, here and in the other instances, once the caller's transaction has committed: new
     * events are in the log.
     */
    void appended() {
        afterCommit(() -> {
            projections.wakeUp();
            notifications.appended();
        });
    }

    /** Runs a task once the save's transaction has completed, or at once without one. */
    private static void afterCommit(Runnable task) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            task.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    task.run();
                }
            }
        });
    }

    @Override
    public synchronized void start() {
        eventBus.subscribe(appended);
        notifications.start(projections::wakeUp);
        if (!projections.names().isEmpty()) {
            projections.start();
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        eventBus.unsubscribe(appended);
        notifications.close();
        projections.close();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return DomainEventSubscriptions.PHASE + 1;
    }
}
