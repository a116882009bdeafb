package io.eventsourcing.sample.web;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /examples}: {@code {"foo": "bar1"}}. */
public record CreateExampleRequest(@NotNull @Nullable String foo) {
}
