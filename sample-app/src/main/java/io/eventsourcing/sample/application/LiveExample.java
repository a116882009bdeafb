package io.eventsourcing.sample.application;

import java.util.UUID;

/**
 * A live example as the {@link LiveExamples} list holds it.
 *
 * @param version the example's version, as {@code GET /examples/{id}} shows it: the number of its events
 */
public record LiveExample(UUID id, String foo, long version) {
}
