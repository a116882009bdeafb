package io.eventsourcing.dcb;

import io.eventsourcing.domain.TaggedEvent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A small state that a decision needs, such as a course's capacity or a student's number of courses: the events it
 * is made from (the types it handles, with all of its tags) and how each changes it, starting from an initial
 * state. A {@link Decision} reads the events of several projections at once and appends on the condition that
 * none of them changed. Immutable: each method returns a new projection.
 *
 * @param <S> the type of the state
 */
public final class DecisionProjection<S extends @Nullable Object> {

    private final S initialState;
    private final Set<String> tags;
    private final Map<Class<? extends TaggedEvent>, BiFunction<S, TaggedEvent, S>> handlers;

    private DecisionProjection(S initialState, Set<String> tags,
                               Map<Class<? extends TaggedEvent>, BiFunction<S, TaggedEvent, S>> handlers) {
        this.initialState = initialState;
        this.tags = tags;
        this.handlers = handlers;
    }

    /** A projection whose state is this before any event. */
    public static <S extends @Nullable Object> DecisionProjection<S> initially(S state) {
        return new DecisionProjection<>(state, Set.of(), Map.of());
    }

    /** This projection, made only from the events that have all of these tags too. */
    public DecisionProjection<S> taggedWith(String... tags) {
        Set<String> all = new LinkedHashSet<>(this.tags);
        Arrays.stream(tags).map(Tags::requireValid).forEach(all::add);
        return new DecisionProjection<>(initialState, Set.copyOf(all), handlers);
    }

    /** This projection, also made from the events of a type, each changing the state as the function says. */
    public <E extends TaggedEvent> DecisionProjection<S> on(Class<E> type,
                                                           BiFunction<? super S, ? super E, ? extends S> evolve) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(evolve, "evolve");
        Map<Class<? extends TaggedEvent>, BiFunction<S, TaggedEvent, S>> all = new LinkedHashMap<>(handlers);
        all.put(type, (state, event) -> evolve.apply(state, type.cast(event)));
        return new DecisionProjection<>(initialState, tags, all);
    }

    /**
     * The events this projection is made from.
     *
     * @throws IllegalStateException if it handles no event type
     */
    public QueryItem queryItem() {
        if (handlers.isEmpty()) {
            throw new IllegalStateException("A decision projection needs at least one event type: add one with on(...)");
        }
        return new QueryItem(handlers.keySet(), tags);
    }

    /** The state after the events, in log order, of those this projection is made from. */
    public S project(List<StoredTaggedEvent> events) {
        QueryItem item = queryItem();
        S state = initialState;
        for (StoredTaggedEvent stored : events) {
            if (item.matches(stored.event())) {
                state = handlers.get(stored.event().getClass()).apply(state, stored.event());
            }
        }
        return state;
    }
}
