package io.eventsourcing.dcb;

import io.eventsourcing.domain.TaggedEvent;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which tagged events a decision depends on: those that match any of the items.
 *
 * @param items at least one
 */
public record Query(List<QueryItem> items) {

    private static final Query ALL = new Query(List.of(new QueryItem(Set.of(), Set.of())));

    public Query {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("A query needs at least one item; Query.all() matches every event");
        }
    }

    /** The events that match any of these items. */
    public static Query of(QueryItem... items) {
        return new Query(List.of(items));
    }

    /** Every tagged event. */
    public static Query all() {
        return ALL;
    }

    /** Whether an event matches any of the items. */
    public boolean matches(TaggedEvent event) {
        return items.stream().anyMatch(item -> item.matches(event));
    }

    /** The items, such as "CourseDefined tagged [course:c1] or StudentSubscribed tagged [course:c1]", for messages. */
    @Override
    public String toString() {
        return items.stream().map(Query::describe).collect(Collectors.joining(" or "));
    }

    private static String describe(QueryItem item) {
        String types = item.types().isEmpty() ? "any type" : item.types().stream().map(Class::getSimpleName).sorted()
                .collect(Collectors.joining("|"));
        return item.tags().isEmpty() ? types : types + " tagged " + item.tags().stream().sorted().toList();
    }
}
