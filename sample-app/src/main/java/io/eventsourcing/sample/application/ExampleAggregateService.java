package io.eventsourcing.sample.application;

import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.EntityNotFoundException;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.sample.domain.ExampleAggregate;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The use cases of {@link ExampleAggregate}s. Each command saves the aggregate's events in one atomic append. */
@Service
public class ExampleAggregateService {

    private final EventSourcedRepository<ExampleAggregate> aggregates;

    public ExampleAggregateService(EventSourcedRepository<ExampleAggregate> aggregates) {
        this.aggregates = aggregates;
    }

    /** Creates and saves an aggregate. */
    public ExampleAggregate create() {
        ExampleAggregate aggregate = ExampleAggregate.create();
        aggregates.save(aggregate);
        return aggregate;
    }

    /**
     * The current state of an aggregate.
     *
     * @throws EntityNotFoundException if it never existed or was discarded
     */
    public ExampleAggregate get(UUID id) {
        return aggregates.get(id);
    }

    /**
     * Creates entities within an aggregate and saves them together: all are stored, or none.
     *
     * @throws EntityNotFoundException if the aggregate never existed or was discarded
     * @throws ConcurrencyException if the aggregate was changed elsewhere meanwhile
     */
    public ExampleAggregate createEntities(UUID id, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        ExampleAggregate aggregate = aggregates.get(id);
        for (int i = 0; i < count; i++) {
            aggregate.createNewEntity();
        }
        aggregates.save(aggregate);
        return aggregate;
    }

    /**
     * Discards an aggregate.
     *
     * @throws EntityNotFoundException if it never existed or was already discarded
     * @throws ConcurrencyException if the aggregate was changed elsewhere meanwhile
     */
    public void discard(UUID id) {
        ExampleAggregate aggregate = aggregates.get(id);
        aggregate.discard();
        aggregates.save(aggregate);
    }
}
