/** Application-level encryption of stored event data. */
@NullMarked
package io.eventsourcing.infrastructure.cipher;

import org.jspecify.annotations.NullMarked;
