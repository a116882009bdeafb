/** The sample's HTTP API: controllers, request and response records, and problem details for failures. */
@NullMarked
package io.eventsourcing.sample.web;

import org.jspecify.annotations.NullMarked;
