package io.eventsourcing.projection;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Projection} that handles one type of event: an instance method, of any
 * visibility, whose first parameter is the event's type (a {@code DomainEvent} class or interface), optionally
 * followed by the {@link Generation} being written and the {@link Notification} that brought the event (its log
 * position, and whether its personal data was erased), in either order. An event goes to the handler of its most
 * specific type; events that no handler takes are passed over. A handler that throws stops the projection at that
 * event.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Handler {
}
