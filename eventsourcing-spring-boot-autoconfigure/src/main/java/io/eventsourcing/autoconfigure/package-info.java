/**
 * Spring Boot auto-configuration of the event sourcing library: {@code eventsourcing.*} properties into
 * the event store, its JDBC storage and schema, the persistence policy and a repository per entity type; and, with
 * Actuator and Micrometer, the store's metrics, observations, endpoints and health indicators.
 */
@NullMarked
package io.eventsourcing.autoconfigure;

import org.jspecify.annotations.NullMarked;
