/**
 * The domain layer's supertypes: events, entities, aggregates and the synchronous publish-subscribe
 * mechanism. Depends on the JDK alone; parameters and results are non-null unless their Javadoc says
 * otherwise.
 */
package io.eventsourcing.domain;
