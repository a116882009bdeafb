package io.eventsourcing.sample.web;

import io.eventsourcing.sample.domain.Example;
import java.util.UUID;

/** An example as the API shows it. */
public record ExampleResponse(UUID id, long version, String foo) {

    static ExampleResponse of(Example example) {
        return new ExampleResponse(example.getId(), example.getVersion(), example.getFoo());
    }
}
