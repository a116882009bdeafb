package io.eventsourcing.sample.web;

import io.eventsourcing.sample.application.ExampleAggregateService;
import io.eventsourcing.sample.domain.ExampleAggregate;
import jakarta.validation.Valid;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /aggregates}: create, read and discard aggregates, and create entities within them. */
@RestController
@RequestMapping(path = "/aggregates", produces = MediaType.APPLICATION_JSON_VALUE)
public class ExampleAggregateController {

    private final ExampleAggregateService aggregates;

    public ExampleAggregateController(ExampleAggregateService aggregates) {
        this.aggregates = aggregates;
    }

    @PostMapping
    public ResponseEntity<AggregateResponse> create() {
        ExampleAggregate aggregate = aggregates.create();
        return Created.at(aggregate.getId(), AggregateResponse.of(aggregate));
    }

    @GetMapping("/{id}")
    public AggregateResponse get(@PathVariable UUID id) {
        return AggregateResponse.of(aggregates.get(id));
    }

    @PostMapping("/{id}/entities")
    public AggregateResponse createEntities(@PathVariable UUID id, @Valid @RequestBody CreateEntitiesRequest request) {
        return AggregateResponse.of(aggregates.createEntities(id, Objects.requireNonNull(request.count())));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> discard(@PathVariable UUID id) {
        aggregates.discard(id);
        return ResponseEntity.noContent().build();
    }
}
