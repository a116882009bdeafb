package io.eventsourcing.projection;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read model kept from the notification log: its {@link Handler} methods receive the events of the
 * log in log order, from the projection's own position.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Projection {

    /**
     * The projection's name, under which its position is stored: lower-case letters, digits, {@code -} and
     * {@code _}, at most 100. Renaming a projection starts it again from the beginning of the log.
     */
    String value();
}
