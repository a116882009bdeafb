package io.eventsourcing.dcb;

import io.eventsourcing.domain.TaggedEvent;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The states of the projections a decision needs, read at once, and the append that records the decision on the
 * condition that none of their events changed since: if one did, the append fails with
 * {@link AppendConditionViolatedException}, and the decision is taken again.
 */
public final class Decision {

    private final DcbEventStore store;
    private final Map<DecisionProjection<?>, @Nullable Object> states;
    private final AppendCondition appendCondition;

    private Decision(DcbEventStore store, Map<DecisionProjection<?>, @Nullable Object> states,
                     AppendCondition appendCondition) {
        this.store = store;
        this.states = states;
        this.appendCondition = appendCondition;
    }

    /** Reads the events of the projections from a store, in one query, and projects them. */
    static Decision read(DcbEventStore store, List<DecisionProjection<?>> projections) {
        if (projections.isEmpty()) {
            throw new IllegalArgumentException("A decision needs at least one projection");
        }
        Query query = new Query(projections.stream().map(DecisionProjection::queryItem).distinct().toList());
        QueryResult result = store.read(query);
        Map<DecisionProjection<?>, @Nullable Object> states = new IdentityHashMap<>();
        projections.forEach(projection -> states.put(projection, projection.project(result.events())));
        return new Decision(store, states, result.appendCondition());
    }

    /**
     * The state of one of the decision's projections.
     *
     * @throws IllegalArgumentException if the projection is not one of the decision's
     */
    @SuppressWarnings("unchecked")
    public <S extends @Nullable Object> S state(DecisionProjection<S> projection) {
        if (!states.containsKey(projection)) {
            throw new IllegalArgumentException("The projection is not one this decision was read with");
        }
        return (S) states.get(projection);
    }

    /** The condition of the decision's appends: none of the events read changed since. */
    public AppendCondition appendCondition() {
        return appendCondition;
    }

    /**
     * Records the decision: appends the events if none matching the projections' queries was stored since they were
     * read.
     *
     * @return the log position of the last event stored
     * @throws AppendConditionViolatedException if one was (then nothing is stored)
     */
    public long append(TaggedEvent... events) {
        return store.append(List.of(events), appendCondition);
    }
}
