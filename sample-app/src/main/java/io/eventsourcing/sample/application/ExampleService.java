package io.eventsourcing.sample.application;

import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.EntityNotFoundException;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.sample.domain.Example;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The use cases of {@link Example}s. Each command saves the example's new events with its repository, so a
 * command returns once its change is stored.
 */
@Service
public class ExampleService {

    private final EventSourcedRepository<Example> examples;

    public ExampleService(EventSourcedRepository<Example> examples) {
        this.examples = examples;
    }

    /** Creates and stores an example. */
    public Example create(String foo) {
        Example example = Example.create(foo);
        examples.save(example);
        return example;
    }

    /**
     * The current state of an example.
     *
     * @throws EntityNotFoundException if it never existed or was discarded
     */
    public Example get(UUID id) {
        return examples.get(id);
    }

    /**
     * Changes the {@code foo} of an example.
     *
     * @param expectedVersion if not null, the change applies only to the example at this version
     * @throws EntityNotFoundException if it never existed or was discarded
     * @throws UnexpectedVersionException if the example is not at the expected version
     * @throws ConcurrencyException if the example was changed elsewhere meanwhile
     */
    public Example changeFoo(UUID id, String foo, @Nullable Long expectedVersion) {
        Example example = examples.get(id);
        UnexpectedVersionException.check(example.getId(), example.getVersion(), expectedVersion);
        example.changeFoo(foo);
        examples.save(example);
        return example;
    }

    /**
     * Discards an example.
     *
     * @throws EntityNotFoundException if it never existed or was already discarded
     * @throws ConcurrencyException if the example was changed elsewhere meanwhile
     */
    public void discard(UUID id) {
        Example example = examples.get(id);
        example.discard();
        examples.save(example);
    }
}
