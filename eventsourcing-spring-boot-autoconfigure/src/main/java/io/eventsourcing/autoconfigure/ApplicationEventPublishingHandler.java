package io.eventsourcing.autoconfigure;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.EventHandler;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Republishes domain events as Spring application events, so that {@code @EventListener} methods receive
 * them, synchronously, in the publishing thread; an exception of a listener reaches the publisher.
 */
final class ApplicationEventPublishingHandler implements EventHandler {

    private final ApplicationEventPublisher publisher;

    ApplicationEventPublishingHandler(ApplicationEventPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    @Override
    public void handle(List<DomainEvent> events) {
        events.forEach(publisher::publishEvent);
    }
}
