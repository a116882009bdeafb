package io.eventsourcing.sample.web;

import io.eventsourcing.sample.application.EventHistory;
import io.eventsourcing.sample.application.ExampleService;
import io.eventsourcing.sample.application.StoredEvent;
import io.eventsourcing.sample.domain.Example;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /examples}: create, read, change and discard examples, forget their personal data, and read their stored
 * events.
 */
@RestController
@RequestMapping(path = "/examples", produces = MediaType.APPLICATION_JSON_VALUE)
public class ExampleController {

    private final ExampleService examples;
    private final EventHistory history;

    public ExampleController(ExampleService examples, EventHistory history) {
        this.examples = examples;
        this.history = history;
    }

    @PostMapping
    public ResponseEntity<ExampleResponse> create(@Valid @RequestBody CreateExampleRequest request) {
        Example example = examples.create(Objects.requireNonNull(request.foo()));
        return Created.at(example.getId(), ExampleResponse.of(example));
    }

    @GetMapping("/{id}")
    public ExampleResponse get(@PathVariable UUID id) {
        return ExampleResponse.of(examples.get(id));
    }

    @PutMapping("/{id}")
    public ExampleResponse change(@PathVariable UUID id, @Valid @RequestBody ChangeExampleRequest request) {
        return ExampleResponse.of(examples.changeFoo(id, Objects.requireNonNull(request.foo()), request.version()));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> discard(@PathVariable UUID id) {
        examples.discard(id);
        return ResponseEntity.noContent().build();
    }

    /** Erases the example's personal data for good: 204 whether it was there or already erased. */
    @DeleteMapping("/{id}/personal-data")
    public ResponseEntity<Void> forgetPersonalData(@PathVariable UUID id) {
        examples.forgetPersonalData(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/events")
    public List<StoredEvent> events(@PathVariable UUID id) {
        return history.of(id);
    }
}
