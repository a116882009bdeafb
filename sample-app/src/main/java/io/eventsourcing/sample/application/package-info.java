/**
 * The sample's application services: the use cases of examples and aggregates, over the repositories
 * that the starter provides, and the history of stored events.
 */
@NullMarked
package io.eventsourcing.sample.application;

import org.jspecify.annotations.NullMarked;
