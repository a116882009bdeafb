package io.eventsourcing.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable name under which events of the annotated class are stored, in place of the class name,
 * so that the class can be renamed or moved without breaking stored data.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventTopic {

    /** The topic, unique among the application's event types. */
    String value();
}
