/**
 * Projections: read models kept from the notification log, each from a position of its own, with the
 * position and the model's writes committed together.
 */
@NullMarked
package io.eventsourcing.projection;

import org.jspecify.annotations.NullMarked;
