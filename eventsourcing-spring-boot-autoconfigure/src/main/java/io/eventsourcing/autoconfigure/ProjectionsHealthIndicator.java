package io.eventsourcing.autoconfigure;

import io.eventsourcing.projection.ProjectionStatus;
import io.eventsourcing.projection.Projections;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Down while a projection is stopped on this instance by a failing event, with each stopped one's error;
 * up otherwise, with each projection's state, position and lag.
 */
public class ProjectionsHealthIndicator extends AbstractHealthIndicator {

    private final Projections projections;

    public ProjectionsHealthIndicator(Projections projections) {
        super("Projections health check failed");
        this.projections = Objects.requireNonNull(projections, "projections");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<ProjectionStatus> statuses = projections.statuses();
        boolean stopped = statuses.stream().anyMatch(status -> status.state() == ProjectionStatus.State.STOPPED);
        (stopped ? builder.down() : builder.up()).withDetail("projections", statuses);
    }
}
