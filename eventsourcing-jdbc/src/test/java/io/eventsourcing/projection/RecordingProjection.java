package io.eventsourcing.projection;

import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.StoredItem;
import io.eventsourcing.testing.TestEvents.Renamed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection for the tests: records each {@link Renamed} event in a table per generation, numbered in the
 * order it was handled, through the data source, so that the record commits with the projection's position.
 * Counts the handlers running at once across every instance that shares the counter, and fails on the names
 * it is told to.
 */
@Projection("recording")
public class RecordingProjection implements ViewGenerations {

    /** A row of the view: the event's originator, version and name, and the order it was handled in. */
    public record Row(long seq, String originatorId, long version, String name) {
    }

    private final JdbcTemplate jdbc;
    private final String base;
    private final AtomicInteger running;
    private final AtomicInteger maxRunning;
    private volatile String failOn = "";
    private volatile long pauseMillis;
    private final AtomicReference<RuntimeException> nextFailure = new AtomicReference<>();

    public RecordingProjection(DataSource dataSource, String base, AtomicInteger running, AtomicInteger maxRunning) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.base = base;
        this.running = running;
        this.maxRunning = maxRunning;
    }

    /** The view this projection should end with on a log of {@link Renamed} events: each of them once, in log order. */
    public static List<Row> replay(EventStore eventStore) {
        List<Row> rows = new ArrayList<>();
        for (StoredItem stored : eventStore.getActiveRecordStrategy().getStoredItems(0, Integer.MAX_VALUE)) {
            Renamed renamed = (Renamed) eventStore.getSequencedItemMapper().fromSequencedItem(stored.item());
            rows.add(new Row(rows.size() + 1, renamed.originatorId().toString(), renamed.originatorVersion(),
                    renamed.name()));
        }
        return rows;
    }

    /** Makes the handler throw on events with this name. */
    public void failOn(String name) {
        failOn = name;
    }

    /** Makes the handler's next call throw this, once. */
    public void failOnce(RuntimeException failure) {
        nextFailure.set(failure);
    }

    /** Makes the handler take this long. */
    public void pause(long millis) {
        pauseMillis = millis;
    }

    @Handler
    public void on(Renamed event, Generation generation) {
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            RuntimeException failure = nextFailure.getAndSet(null);
            if (failure != null) {
                throw failure;
            }
            if (failOn.equals(event.name())) {
                throw new IllegalStateException("cannot project " + event.name());
            }
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
            String table = generation.table(base);
            jdbc.update("INSERT INTO " + table + " (seq, originator_id, version, name) SELECT COALESCE(MAX(seq), 0) + 1,"
                    + " ?, ?, ? FROM " + table, event.originatorId().toString(), event.originatorVersion(), event.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            running.decrementAndGet();
        }
    }

    /** The rows of a generation's table, in the order they were handled. */
    public List<Row> rows(Generation generation) {
        return jdbc.query("SELECT seq, originator_id, version, name FROM " + generation.table(base) + " ORDER BY seq",
                (row, index) -> new Row(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4)));
    }

    /** Whether a generation's table exists. */
    public boolean exists(Generation generation) {
        try {
            jdbc.queryForObject("SELECT COUNT(*) FROM " + generation.table(base), Long.class);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void create(Generation generation) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + generation.table(base) + " (seq BIGINT PRIMARY KEY,"
                + " originator_id VARCHAR(36) NOT NULL, version BIGINT NOT NULL, name VARCHAR(100) NOT NULL)");
    }

    @Override
    public void drop(Generation generation) {
        jdbc.execute("DROP TABLE IF EXISTS " + generation.table(base));
    }
}
