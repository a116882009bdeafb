/**
 * The sample application: the seed's worked example over HTTP. {@code domain} holds the entity and the
 * aggregate, {@code application} their use cases, {@code web} the HTTP API; the starter does the wiring.
 */
@NullMarked
package io.eventsourcing.sample;

import org.jspecify.annotations.NullMarked;
