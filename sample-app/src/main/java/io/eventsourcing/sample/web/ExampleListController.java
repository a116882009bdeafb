package io.eventsourcing.sample.web;

import io.eventsourcing.sample.application.LiveExample;
import io.eventsourcing.sample.application.LiveExamples;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /examples}: the live examples, newest first, a page at a time: {@code ?limit=n} (1 to
 * {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} by default) and {@code ?after=<id of the last example of the
 * previous page>}. Not with the "cassandra" profile, as {@link LiveExamples}.
 */
@RestController
@Profile("!cassandra")
@RequestMapping(path = "/examples", produces = MediaType.APPLICATION_JSON_VALUE)
public class ExampleListController {

    /** The largest page. */
    public static final int MAX_LIMIT = 1000;
    /** The page size when none is asked for. */
    static final int DEFAULT_LIMIT = 50;

    private final LiveExamples examples;

    public ExampleListController(LiveExamples examples) {
        this.examples = examples;
    }

    @GetMapping
    public List<LiveExample> list(
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit,
            @RequestParam(required = false) @Nullable UUID after) {
        return examples.page(limit, after);
    }
}
