package io.eventsourcing.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks personal data of a data subject, stored encrypted under the subject's own key so that forgetting the subject
 * (destroying the key) erases it from the history. The subject of an event is the entity it belongs to: its sequence
 * id.
 * <p>
 * On a record component or field, that attribute is personal; on an event class, all its attributes are, but its
 * timestamp. Ids, positions, timestamps and event types are never personal. A personal attribute must accept
 * {@code null}: an erased event reads back with its personal attributes absent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface PersonalData {
}
