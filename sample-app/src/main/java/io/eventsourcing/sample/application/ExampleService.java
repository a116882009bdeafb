package io.eventsourcing.sample.application;

import io.eventsourcing.infrastructure.ConcurrencyException;
import io.eventsourcing.infrastructure.EntityNotFoundException;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.shredding.DataSubjectForgottenException;
import io.eventsourcing.infrastructure.shredding.DataSubjects;
import io.eventsourcing.infrastructure.shredding.PersonalDataErasedException;
import io.eventsourcing.sample.domain.Example;
import io.eventsourcing.sample.domain.NotFoundException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The use cases of {@link Example}s. Each command saves the example's new events with its repository, so a
 * command returns once its change is stored. Each example is the data subject of its personal data, its
 * {@code foo}: once its personal data is forgotten, it can no longer be read or changed. Forgetting needs
 * crypto-shredding; the other use cases run without it.
 */
@Service
public class ExampleService {

    private final EventSourcedRepository<Example> examples;
    private final EventHistory history;
    private final ObjectProvider<DataSubjects> dataSubjects;

    public ExampleService(EventSourcedRepository<Example> examples, EventHistory history,
                          ObjectProvider<DataSubjects> dataSubjects) {
        this.examples = examples;
        this.history = history;
        this.dataSubjects = dataSubjects;
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
     * @throws PersonalDataErasedException if its personal data was forgotten
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
     * @throws PersonalDataErasedException if its personal data was forgotten
     * @throws DataSubjectForgottenException if its personal data was forgotten while it was being changed
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
     * @throws PersonalDataErasedException if its personal data was forgotten
     */
    public void discard(UUID id) {
        Example example = examples.get(id);
        example.discard();
        examples.save(example);
    }

    /**
     * Forgets the personal data of an example, discarded or not: destroys its key, which erases its {@code foo} from
     * all its events for good, and ends its history with the record of it. Forgetting it again changes nothing.
     *
     * @throws NotFoundException if no example was ever created with the id
     * @throws ErasureUnavailableException if crypto-shredding is off
     * @throws ConcurrencyException if the example kept being changed while it was forgotten
     */
    public void forgetPersonalData(UUID id) {
        if (!history.first(id).map(first -> first.data() instanceof Example.Created).orElse(false)) {
            throw NotFoundException.example(id);
        }
        DataSubjects subjects = dataSubjects.getIfAvailable();
        if (subjects == null) {
            throw new ErasureUnavailableException();
        }
        subjects.forget(id);
    }
}
