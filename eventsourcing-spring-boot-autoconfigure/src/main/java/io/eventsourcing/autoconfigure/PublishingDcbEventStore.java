package io.eventsourcing.autoconfigure;

import io.eventsourcing.dcb.AppendCondition;
import io.eventsourcing.dcb.DcbEventStore;
import io.eventsourcing.dcb.Query;
import io.eventsourcing.dcb.QueryResult;
import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.EventHandler;
import io.eventsourcing.domain.TaggedEvent;
import java.util.List;
import java.util.Objects;

/**
 * The context's DCB event store: after each append, forwards the events to the context's {@code @EventListener}
 * methods, as the repositories' saves are, and wakes its projections once the append has committed.
 */
final class PublishingDcbEventStore implements DcbEventStore {

    private final DcbEventStore store;
    private final EventHandler listeners;
    private final Runnable appended;

    PublishingDcbEventStore(DcbEventStore store, EventHandler listeners, Runnable appended) {
        this.store = Objects.requireNonNull(store, "store");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.appended = Objects.requireNonNull(appended, "appended");
    }

    @Override
    public QueryResult read(Query query, long after) {
        return store.read(query, after);
    }

    @Override
    public long append(List<? extends TaggedEvent> events, AppendCondition condition) {
        return published(events, store.append(events, condition));
    }

    @Override
    public long append(List<? extends TaggedEvent> events) {
        return published(events, store.append(events));
    }

    private long published(List<? extends TaggedEvent> events, long position) {
        appended.run();
        listeners.handle(List.<DomainEvent>copyOf(events));
        return position;
    }

    @Override
    public String toString() {
        return store.toString();
    }
}
