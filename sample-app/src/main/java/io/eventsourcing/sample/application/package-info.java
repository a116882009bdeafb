/**
 * The sample's application services: the use cases of examples and aggregates, over the repositories
 * that the starter provides, the history of stored events, and the list of live examples that a projection
 * keeps from the log; and the use cases of courses and students, over the event store of dynamic consistency
 * boundaries.
 */
@NullMarked
package io.eventsourcing.sample.application;

import org.jspecify.annotations.NullMarked;
