package io.eventsourcing.autoconfigure;

import io.eventsourcing.projection.ProjectionStatus;
import io.eventsourcing.projection.Projections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code projections} Actuator endpoint: each projection's generations with their position, lag, state and
 * last error on this instance ({@code GET /actuator/projections}, {@code GET /actuator/projections/{name}}), and
 * the operations on one ({@code POST /actuator/projections/{name}} with {@code {"action": "reset"}},
 * {@code "rebuild"} or {@code "retry"}).
 */
@Endpoint(id = "projections")
public class ProjectionsEndpoint {

    private final Projections projections;

    public ProjectionsEndpoint(Projections projections) {
        this.projections = Objects.requireNonNull(projections, "projections");
    }

    /** Every projection's generations. */
    @ReadOperation
    public ProjectionsDescriptor projections() {
        return new ProjectionsDescriptor(projections.statuses());
    }

    /** One projection's generations; none (404) for an unknown name. */
    @ReadOperation
    public @Nullable ProjectionsDescriptor projection(@Selector String name) {
        if (!projections.names().contains(name)) {
            return null;
        }
        return new ProjectionsDescriptor(statuses(name));
    }

    /**
     * Resets, rebuilds or retries a projection.
     *
     * @param action {@code reset} (start again from the beginning of the log, in a new generation that serves at
     *               once), {@code rebuild} (the same beside the serving generation, which it replaces once it has
     *               caught up) or {@code retry} (try a stopped projection's failed event again)
     */
    @WriteOperation
    public ProjectionsDescriptor operate(@Selector String name, String action) {
        if (!projections.names().contains(name)) {
            throw new InvalidEndpointRequestException("No projection is named '" + name + "'",
                    "No projection is named '" + name + "'; the projections are " + projections.names());
        }
        try {
            switch (action.toLowerCase(Locale.ROOT)) {
                case "reset" -> projections.reset(name);
                case "rebuild" -> projections.rebuild(name);
                case "retry" -> projections.retry(name);
                default -> throw new InvalidEndpointRequestException("Unknown action '" + action + "'",
                        "Unknown action: use reset, rebuild or retry");
            }
        } catch (IllegalStateException e) {
            throw new InvalidEndpointRequestException(e.getMessage(), e.getMessage());
        }
        return new ProjectionsDescriptor(statuses(name));
    }

    private List<ProjectionStatus> statuses(String name) {
        return projections.statuses().stream().filter(status -> status.name().equals(name)).toList();
    }

    /**
     * The endpoint's answer.
     *
     * @param projections the generations of the projections, by name and generation
     */
    public record ProjectionsDescriptor(List<ProjectionStatus> projections) {
    }
}
