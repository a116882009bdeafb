package io.eventsourcing.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event-sourced entity class that does not extend {@link TimestampedVersionedEntity}, naming
 * its mutator: a static method of the class taking the entity (or {@code null}) and a
 * {@link DomainEvent}, and returning the new state (see {@link Mutator#ofStaticMethod(Class, String)}).
 * Frameworks find such classes, and subclasses of {@link TimestampedVersionedEntity}, to give each a
 * repository; to be saved by it, the class implements {@link PendingEvents}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventSourced {

    /** The name of the static mutator method. */
    String mutator() default "mutate";
}
