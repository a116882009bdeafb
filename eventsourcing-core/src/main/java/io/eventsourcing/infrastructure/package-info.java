/**
 * The infrastructure layer: the event store and its strategies (sequenced item mapper, active record
 * strategy, topics), the event player and repositories.
 */
@NullMarked
package io.eventsourcing.infrastructure;

import org.jspecify.annotations.NullMarked;
