package io.eventsourcing.sample.web;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The answer to a POST that created a resource: 201, with the resource's URI in the Location header. */
final class Created {

    private Created() {
    }

    /** 201 with the body, located at the request's URI followed by {@code /<id>}. */
    static <T> ResponseEntity<T> at(UUID id, T body) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(body);
    }
}
