package io.eventsourcing.autoconfigure.sample;

import io.eventsourcing.domain.AggregateRoot;
import io.eventsourcing.domain.VersionedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An aggregate, whose events are stored together when it is saved. */
public class Basket extends AggregateRoot {

    /** Published when a basket is created. */
    public record Created(UUID originatorId, long originatorVersion, Instant timestamp) implements VersionedEvent {
    }

    /** Published when an item is put in a basket. */
    public record ItemAdded(UUID originatorId, long originatorVersion, Instant timestamp, String item)
            implements VersionedEvent {
    }

    private final List<String> items = new ArrayList<>();

    Basket(Created created) {
        super(created);
    }

    public static Basket create() {
        return create(Created::new, Basket::new);
    }

    public void add(String item) {
        trigger((id, version, timestamp) -> new ItemAdded(id, version, timestamp, item));
    }

    public List<String> getItems() {
        return List.copyOf(items);
    }

    @Override
    protected void when(VersionedEvent event) {
        if (event instanceof ItemAdded added) {
            items.add(added.item());
        } else {
            super.when(event);
        }
    }
}
