package io.eventsourcing.dcb;

import io.eventsourcing.domain.TaggedEvent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One part of a {@link Query}: the events of one of its types that have all of its tags. No types means any
 * type; no tags means any tags.
 *
 * @param types the event classes, one of which an event must be
 * @param tags the tags an event must all have
 */
public record QueryItem(Set<Class<? extends TaggedEvent>> types, Set<String> tags) {

    public QueryItem {
        types = Set.copyOf(types);
        tags = Set.copyOf(tags);
        tags.forEach(Tags::requireValid);
    }

    /** The events of any of these types. */
    @SafeVarargs
    public static QueryItem ofTypes(Class<? extends TaggedEvent>... types) {
        return new QueryItem(new LinkedHashSet<>(Arrays.asList(types)), Set.of());
    }

    /** The events that have all of these tags, of any type. */
    public static QueryItem ofTags(String... tags) {
        return new QueryItem(Set.of(), new LinkedHashSet<>(List.of(tags)));
    }

    /** This item, narrowed to the events that also have all of these tags. */
    public QueryItem withTags(String... tags) {
        Set<String> all = new LinkedHashSet<>(this.tags);
        all.addAll(List.of(tags));
        return new QueryItem(types, all);
    }

    /** Whether an event is of one of the types and has all the tags. */
    public boolean matches(TaggedEvent event) {
        return (types.isEmpty() || types.contains(event.getClass())) && event.tags().containsAll(tags);
    }
}
