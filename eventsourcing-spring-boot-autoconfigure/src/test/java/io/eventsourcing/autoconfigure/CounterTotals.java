package io.eventsourcing.autoconfigure;

import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.projection.Handler;
import io.eventsourcing.projection.Projection;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A projection for the tests: the number of counters and of increments, in a table of the data source. */
@Projection("counter-totals")
public class CounterTotals {

    private final JdbcTemplate jdbc;
    private volatile boolean failing;

    public CounterTotals(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE IF NOT EXISTS counter_totals (name VARCHAR(20) PRIMARY KEY, total BIGINT)");
        for (String name : new String[] {"counters", "increments"}) {
            jdbc.update("INSERT INTO counter_totals (name, total) SELECT ?, 0 WHERE NOT EXISTS"
                    + " (SELECT 1 FROM counter_totals WHERE name = ?)", name, name);
        }
    }

    /** Makes every handler throw until told otherwise. */
    public void failing(boolean failing) {
        this.failing = failing;
    }

    @Handler
    public void on(Counter.Created event) {
        add("counters");
    }

    @Handler
    public void on(Counter.Incremented event) {
        add("increments");
    }

    /** A total. */
    public long total(String name) {
        return jdbc.queryForObject("SELECT total FROM counter_totals WHERE name = ?", Long.class, name);
    }

    private void add(String name) {
        if (failing) {
            throw new IllegalStateException("totals are read-only today");
        }
        jdbc.update("UPDATE counter_totals SET total = total + 1 WHERE name = ?", name);
    }
}
