package io.eventsourcing.sample.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /examples/{id}}: {@code {"foo": "bar2"}}, or {@code {"foo": "bar2", "version": 2}}
 * to change the example only if it is still at that version.
 */
public record ChangeExampleRequest(@NotNull @Nullable String foo, @Positive @Nullable Long version) {
}
