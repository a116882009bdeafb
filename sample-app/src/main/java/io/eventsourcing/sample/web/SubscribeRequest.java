package io.eventsourcing.sample.web;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /courses/{id}/subscriptions}: {@code {"studentId": "…"}}. */
public record SubscribeRequest(@NotNull @Nullable UUID studentId) {
}
