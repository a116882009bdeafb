package io.eventsourcing.infrastructure.upcasting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The upcasters of an application, by the topic and schema version they take, and the chains they form: the data
 * of an event stored at one version goes through the upcaster of that topic and version, then through the
 * upcaster of each topic and version it produced, until no upcaster is registered for what it has become. Whether
 * that is the current version of its event class is for the reader to check. Immutable and thread-safe.
 */
public final class Upcasters {

    /** More steps than any real evolution has: a chain this long goes round in a loop. */
    private static final int MAX_STEPS = 1000;

    private static final Upcasters NONE = new Upcasters(Map.of());

    private final Map<Key, Upcaster> byKey;

    private record Key(String topic, int schemaVersion) {
    }

    private Upcasters(Map<Key, Upcaster> byKey) {
        this.byKey = byKey;
    }

    /** No upcasters: every event is read as it was stored. */
    public static Upcasters none() {
        return NONE;
    }

    /**
     * The given upcasters.
     *
     * @throws IllegalArgumentException if two take the same topic from the same version
     */
    public static Upcasters of(Collection<? extends Upcaster> upcasters) {
        Map<Key, Upcaster> byKey = new HashMap<>();
        for (Upcaster upcaster : upcasters) {
            Upcaster previous = byKey.put(new Key(upcaster.topic(), upcaster.fromVersion()), upcaster);
            if (previous != null) {
                throw new IllegalArgumentException("Two upcasters take topic '" + upcaster.topic()
                        + "' from schema version " + upcaster.fromVersion() + ": " + previous + " and " + upcaster);
            }
        }
        return byKey.isEmpty() ? NONE : new Upcasters(Map.copyOf(byKey));
    }

    /** Whether an upcaster takes data of a topic from a schema version. */
    public boolean upcasts(String topic, int schemaVersion) {
        return !byKey.isEmpty() && byKey.containsKey(new Key(topic, schemaVersion));
    }

    /**
     * The events that JSON data stored under a topic at a schema version becomes.
     *
     * @throws IllegalArgumentException if the data is not a JSON object, or an upcaster fails
     *         (see {@link #upcast(EventJson)})
     */
    public List<EventJson> upcast(String topic, int schemaVersion, byte[] data) {
        return upcast(new EventJson(topic, schemaVersion, JsonTrees.read(data)));
    }

    /**
     * The events that stored JSON becomes, each under a topic and version that no upcaster takes further; the
     * stored JSON itself when none takes it.
     *
     * @throws IllegalArgumentException if an upcaster throws, returns no event, or the chain goes round in a loop
     */
    public List<EventJson> upcast(EventJson stored) {
        List<EventJson> events = new ArrayList<>(1);
        upcast(stored, 0, events);
        return events;
    }

    private void upcast(EventJson event, int steps, List<EventJson> events) {
        Upcaster upcaster = byKey.get(new Key(event.topic(), event.schemaVersion()));
        if (upcaster == null) {
            events.add(event);
            return;
        }
        if (steps == MAX_STEPS) {
            throw new IllegalArgumentException("The upcasters go round in a loop: after " + MAX_STEPS
                    + " steps, " + upcaster + " is still to apply");
        }
        List<EventJson> next;
        try {
            next = upcaster.upcast(event.json());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(upcaster + " failed: " + e, e);
        }
        if (next == null || next.isEmpty()) {
            throw new IllegalArgumentException(upcaster + " returned no event");
        }
        for (EventJson upcast : next) {
            upcast(Objects.requireNonNull(upcast, () -> upcaster + " returned a null event"), steps + 1, events);
        }
    }
}
