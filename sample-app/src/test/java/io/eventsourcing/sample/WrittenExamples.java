package io.eventsourcing.sample;

import static io.eventsourcing.sample.SampleApi.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.sample.application.LiveExample;
import io.eventsourcing.sample.web.ExampleResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * The examples that one test writes through the API, as their writes were acknowledged: what {@code GET /examples}
 * should show of them, the wait until it does, and the check that {@code GET /examples/{id}} serves each the same.
 */
final class WrittenExamples {

    private final SampleApi api;
    /** The live ones, oldest first. */
    private final Map<UUID, LiveExample> live = new LinkedHashMap<>();
    /** Every one created, discarded or not. */
    private final Set<UUID> created = new LinkedHashSet<>();
    /** Those whose personal data was erased. */
    private final Set<UUID> erased = new LinkedHashSet<>();

    WrittenExamples(SampleApi api) {
        this.api = api;
    }

    LiveExample create(String foo) {
        ExampleResponse example = api.createExample(foo);
        created.add(example.id());
        return acknowledged(example);
    }

    void change(UUID id, String foo) {
        acknowledged(api.change(id, Map.of("foo", foo)).expectStatus().isOk().expectBody(ExampleResponse.class)
                .returnResult().getResponseBody());
    }

    void discard(UUID id) {
        api.discard(id);
        live.remove(id);
    }

    void erase(UUID id) {
        api.http().delete().uri("/examples/{id}/personal-data", id).exchange().expectStatus().isNoContent();
        live.remove(id);
        erased.add(id);
    }

    /** The ids of the live ones, oldest first. */
    List<UUID> liveIds() {
        return List.copyOf(live.keySet());
    }

    /** The live ones as the list should show them: newest first. */
    List<LiveExample> expected() {
        List<LiveExample> expected = new ArrayList<>(live.values());
        Collections.reverse(expected);
        return expected;
    }

    /**
     * Waits until the list shows them as expected, and returns when it first did (nanoTime). They are the newest,
     * the tests running one at a time: the page that should hold just the live ones is read.
     */
    long awaitListed(Duration deadline) {
        List<LiveExample> expected = expected();
        String newest = "?limit=" + Math.max(1, expected.size());
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            List<LiveExample> listed = api.listExamples(newest).stream()
                    .filter(example -> created.contains(example.id())).toList();
            long seen = System.nanoTime();
            if (listed.equals(expected)) {
                return seen;
            }
            if (seen > end) {
                assertThat(listed).as("the list %s after the last write", deadline).isEqualTo(expected);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /**
     * {@code GET /examples/{id}} serves each live one as the list shows it, 404 for a discarded one and 410 for an
     * erased one.
     */
    void assertServedAsListed() {
        for (UUID id : created) {
            LiveExample listed = live.get(id);
            if (listed == null) {
                expectProblem(api.http().get().uri("/examples/{id}", id).exchange(), erased.contains(id) ? 410 : 404);
            } else {
                assertThat(api.getExample(id)).isEqualTo(new ExampleResponse(id, listed.version(), listed.foo()));
            }
        }
    }

    private LiveExample acknowledged(ExampleResponse example) {
        LiveExample listed = new LiveExample(example.id(), example.foo(), example.version());
        live.put(example.id(), listed);
        return listed;
    }
}
