/** Application-level encryption of stored event data. */
@NullMarked
package io.eventsourcing.infrastructure.codec;

import org.jspecify.annotations.NullMarked;
