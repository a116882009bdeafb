package io.eventsourcing.quickstart;

import io.eventsourcing.projection.Generation;
import io.eventsourcing.projection.Handler;
import io.eventsourcing.projection.Projection;
import io.eventsourcing.projection.ProjectionPositions;
import io.eventsourcing.projection.ViewGenerations;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

// tag::projection[]
/** A read model: each order's customer, number of lines and whether it is placed, one table per generation. */
@Component
@Projection("order-summaries")
public class OrderSummaries implements ViewGenerations {

    private final JdbcTemplate jdbc;
    private final ProjectionPositions positions;

    OrderSummaries(JdbcTemplate jdbc, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @Handler
    public void on(Order.Created event, Generation generation) {
        jdbc.update("INSERT INTO " + generation.table("order_summaries") + " (order_id, customer, line_count, placed)"
                + " VALUES (?, ?, 0, FALSE)", event.originatorId(), event.customer());
    }

    @Handler
    public void on(Order.LineAdded event, Generation generation) {
        jdbc.update("UPDATE " + generation.table("order_summaries") + " SET line_count = line_count + 1"
                + " WHERE order_id = ?", event.originatorId());
    }

    @Handler
    public void on(Order.Placed event, Generation generation) {
        jdbc.update("UPDATE " + generation.table("order_summaries") + " SET placed = TRUE WHERE order_id = ?",
                event.originatorId());
    }

    /** The number of lines of each placed order of a customer. */
    public List<Integer> placedOrderSizes(String customer) {
        String table = positions.servingGeneration("order-summaries").table("order_summaries");
        return jdbc.queryForList("SELECT line_count FROM " + table + " WHERE customer = ? AND placed"
                + " ORDER BY line_count", Integer.class, customer);
    }

    @Override
    public void create(Generation generation) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + generation.table("order_summaries") + " (order_id UUID PRIMARY KEY,"
                + " customer VARCHAR(100) NOT NULL, line_count INT NOT NULL, placed BOOLEAN NOT NULL)");
    }

    @Override
    public void drop(Generation generation) {
        jdbc.execute("DROP TABLE IF EXISTS " + generation.table("order_summaries"));
    }
}
// end::projection[]
