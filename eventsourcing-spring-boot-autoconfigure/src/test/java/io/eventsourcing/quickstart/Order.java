package io.eventsourcing.quickstart;

import io.eventsourcing.domain.AggregateRoot;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

// tag::order[]
/** An order: lines are added to it, then it is placed. */
public class Order extends AggregateRoot {

    public record Created(UUID originatorId, long originatorVersion, Instant timestamp, String customer)
            implements VersionedEvent {
    }

    public record LineAdded(UUID originatorId, long originatorVersion, Instant timestamp, String product,
                            int quantity) implements VersionedEvent {
    }

    public record Placed(UUID originatorId, long originatorVersion, Instant timestamp) implements VersionedEvent {
    }

    private final String customer;
    private final List<String> lines = new ArrayList<>();
    private boolean placed;

    Order(Created event) {
        super(event);
        this.customer = event.customer();
    }

    public static Order create(String customer) {
        return create((id, version, timestamp) -> new Created(id, version, timestamp, customer), Order::new);
    }

    public void addLine(String product, int quantity) {
        if (placed) {
            throw new IllegalStateException("Order " + getId() + " is already placed");
        }
        trigger((id, version, timestamp) -> new LineAdded(id, version, timestamp, product, quantity));
    }

    public void place() {
        trigger(Placed::new);
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
