/**
 * The sample's domain model: an {@link io.eventsourcing.sample.domain.Example} entity and an
 * {@link io.eventsourcing.sample.domain.ExampleAggregate}, with their events; and courses and students, whose
 * tagged events a {@link io.eventsourcing.sample.domain.Subscription} decides from, with no aggregate spanning
 * them. Knows the library's core and nothing of Spring.
 */
@NullMarked
package io.eventsourcing.sample.domain;

import org.jspecify.annotations.NullMarked;
