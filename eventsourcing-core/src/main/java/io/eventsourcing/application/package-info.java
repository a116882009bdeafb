/** The application layer: the persistence policy and the base class of event-sourced applications. */
@NullMarked
package io.eventsourcing.application;

import org.jspecify.annotations.NullMarked;
