/**
 * The sample's domain model: an {@link io.eventsourcing.sample.domain.Example} entity and an
 * {@link io.eventsourcing.sample.domain.ExampleAggregate}, with their events. Knows the library's domain
 * supertypes and nothing of Spring.
 */
@NullMarked
package io.eventsourcing.sample.domain;

import org.jspecify.annotations.NullMarked;
