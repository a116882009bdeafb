package io.eventsourcing.projection;

/**
 * Carries the news that events were appended between the instances of an application that share a store, so
 * that a projection held by one instance reads the log as soon as another appends, rather than at its next
 * poll. Thread-safe.
 */
public interface LogNotifications extends AutoCloseable {

    /** Tells the other instances that this one appended events. */
    void appended();

    /** Starts running {@code wakeUp} whenever another instance tells of its appends. */
    void start(Runnable wakeUp);

    /** Stops listening. */
    @Override
    void close();

    /** None: on a store without a way to notify, projections poll. */
    static LogNotifications none() {
        return new LogNotifications() {
            @Override
            public void appended() {
            }

            @Override
            public void start(Runnable wakeUp) {
            }

            @Override
            public void close() {
            }
        };
    }
}
