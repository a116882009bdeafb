/**
 * Schema evolution: upcasters, plain functions on the JSON of stored events, registered for a topic and the
 * schema version they take it from, that bring data written by earlier releases to the current form of its
 * event class when it is read.
 */
@NullMarked
package io.eventsourcing.infrastructure.upcasting;

import org.jspecify.annotations.NullMarked;
