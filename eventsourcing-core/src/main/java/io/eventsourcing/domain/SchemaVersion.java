package io.eventsourcing.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The schema version of the stored form of an event class, or of an entity class's snapshots: 1 for a class
 * without this annotation. Raise it when the stored form changes (a field renamed, added or removed), and
 * register upcasters that bring data of the earlier versions to the new one; the version is stored with each
 * event, so that the data written by every release reads back.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SchemaVersion {

    /** The version: 1 or more, 1 being every class's without the annotation. */
    int value();
}
