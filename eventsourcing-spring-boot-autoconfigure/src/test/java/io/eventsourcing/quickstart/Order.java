package io.eventsourcing.quickstart;

import io.eventsourcing.domain.AggregateEvent;
import io.eventsourcing.domain.AggregateRoot;
import io.eventsourcing.domain.Timestamps;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

// tag::order[]
/** An order: lines are added to it, then it is placed. */
public class Order extends AggregateRoot {

    public record Created(UUID aggregateId, long aggregateVersion, Instant timestamp, String customer)
            implements AggregateEvent {
    }

    public record LineAdded(UUID aggregateId, long aggregateVersion, Instant timestamp, String product,
                            int quantity) implements AggregateEvent {
    }

    public record Placed(UUID aggregateId, long aggregateVersion, Instant timestamp) implements AggregateEvent {
    }

    private final String customer;
    private final List<String> lines = new ArrayList<>();
    private boolean placed;

    Order(Created event) {
        super(event);
        this.customer = event.customer();
    }

    public static Order create(String customer) {
        return create(new Created(UUID.randomUUID(), 0, Timestamps.now(), customer), Order::new);
    }

    public void addLine(String product, int quantity) {
        if (placed) {
            throw new IllegalStateException("Order " + getId() + " is already placed");
        }
        trigger(new LineAdded(getId(), getVersion(), Timestamps.now(), product, quantity));
    }

    public void place() {
        trigger(new Placed(getId(), getVersion(), Timestamps.now()));
    }

    @Override
    protected void when(VersionedEvent event) {
        if (event instanceof LineAdded added) {
            lines.add(added.quantity() + " x " + added.product());
        } else if (event instanceof Placed) {
            placed = true;
        } else {
            super.when(event);
        }
    }

    public String getCustomer() {
        return customer;
    }

    public List<String> getLines() {
        return List.copyOf(lines);
    }

    public boolean isPlaced() {
        return placed;
    }
}
// end::order[]
