package io.eventsourcing.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when events are published and no subscriber receives them, so that nothing stores them: in a
 * Spring application, an entity saved other than through its repository, or an application that is not
 * running. Nothing of them is stored; an aggregate keeps them pending.
 */
public class UndeliveredEventsException extends IllegalStateException {

    public UndeliveredEventsException(List<? extends DomainEvent> events) {
        super("No subscriber received " + describe(events) + ", so nothing stored them: save entities with "
                + "their EventSourcedRepository, or subscribe a PersistencePolicy before publishing");
    }

    private static String describe(List<? extends DomainEvent> events) {
        return events.stream().map(UndeliveredEventsException::describe)
                .collect(Collectors.joining(", ", events.size() == 1 ? "the event " : "the events ", ""));
    }

    private static String describe(DomainEvent event) {
        String name = event.getClass().getSimpleName();
        return event instanceof VersionedEvent versioned
                ? name + " of " + versioned.originatorId() + " at version " + versioned.originatorVersion()
                : name;
    }
}
