package io.eventsourcing.sample.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /aggregates/{id}/entities}: {@code {"count": 3}}, how many entities to create. */
public record CreateEntitiesRequest(@NotNull @Min(1) @Max(MAX_COUNT) @Nullable Integer count) {

    /** The most entities one request may create: all of them are stored in one append. */
    public static final int MAX_COUNT = 100;
}
