package io.eventsourcing.infrastructure.jdbc;

import io.eventsourcing.projection.LogNotifications;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log notifications through PostgreSQL's {@code LISTEN}/{@code NOTIFY} on the channel {@code <table>_log}.
 * Appends are told after the fact, at most once per {@link #COALESCE} by each instance, in a statement of their
 * own: a notification inside the appending transaction would make PostgreSQL serialize the commits of all
 * appends. A listening thread holds one connection of the pool; if it loses it, it connects again, and the
 * projections' polls cover the pause.
 */
public final class PostgresLogNotifications implements LogNotifications {

    /** The longest time by which a notification follows an append. */
    static final Duration COALESCE = Duration.ofMillis(5);

    private static final Logger log = LoggerFactory.getLogger(PostgresLogNotifications.class);
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final String channel;
    private final Object lock = new Object();
    private boolean pending;
    private volatile boolean running;
    private @Nullable Thread notifier;
    private @Nullable Thread listener;

    /** Notifications about the appends to a table of the data source, a PostgreSQL database. */
    public PostgresLogNotifications(DataSource dataSource, SequencedItemTable table) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.channel = table.table() + "_log";
    }

    @Override
    public void appended() {
        synchronized (lock) {
            pending = true;
            lock.notifyAll();
        }
    }

    @Override
    public synchronized void start(Runnable wakeUp) {
        if (running) {
            return;
        }
        running = true;
        notifier = daemon(this::notifyAppends, "log-notifier-" + channel);
        listener = daemon(() -> listen(wakeUp), "log-listener-" + channel);
    }

    /** Stops both threads; waits for the listener to give its connection back to the pool. */
    @Override
    public synchronized void close() {
        running = false;
        for (Thread thread : new Thread[] {notifier, listener}) {
            if (thread != null) {
                thread.interrupt();
                try {
                    thread.join(2 * RECONNECT_PAUSE.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void notifyAppends() {
        while (running) {
            try {
                synchronized (lock) {
                    while (!pending) {
                        lock.wait();
                    }
                    pending = false;
                }
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, '')")) {
                    notify.setString(1, channel);
                    notify.execute();
                }
                Thread.sleep(COALESCE.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                log.debug("Notifying channel {} failed; the other instances find the events at their next poll",
                        channel, e);
            }
        }
    }

    private void listen(Runnable wakeUp) {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                try {
                    PGConnection postgres = connection.unwrap(PGConnection.class);
                    while (running) {
                        if (postgres.getNotifications((int) RECONNECT_PAUSE.toMillis()).length > 0) {
                            wakeUp.run();
                        }
                    }
                } finally {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("UNLISTEN " + channel); // the connection goes back to the pool
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("Listening on channel {} failed; trying again in {}", channel, RECONNECT_PAUSE, e);
                try {
                    Thread.sleep(RECONNECT_PAUSE.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
