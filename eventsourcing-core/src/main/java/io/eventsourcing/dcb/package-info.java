/**
 * Dynamic consistency boundaries: decisions that read the tagged events matching a query, and append on the
 * condition that no event matching it was stored since, whatever entities the events concern.
 */
@NullMarked
package io.eventsourcing.dcb;

import org.jspecify.annotations.NullMarked;
