/** Snapshots: the state of an entity at a version, so that loading it replays only the later events. */
@NullMarked
package io.eventsourcing.infrastructure.snapshot;

import org.jspecify.annotations.NullMarked;
