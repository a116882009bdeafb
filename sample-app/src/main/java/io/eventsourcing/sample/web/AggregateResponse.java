package io.eventsourcing.sample.web;

import io.eventsourcing.sample.domain.ExampleAggregate;
import java.util.UUID;

/** An aggregate as the API shows it. */
public record AggregateResponse(UUID id, long version, int entityCount) {

    static AggregateResponse of(ExampleAggregate aggregate) {
        return new AggregateResponse(aggregate.getId(), aggregate.getVersion(), aggregate.getEntityCount());
    }
}
