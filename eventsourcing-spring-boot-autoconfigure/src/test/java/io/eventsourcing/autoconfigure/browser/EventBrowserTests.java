package io.eventsourcing.autoconfigure.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eventsourcing.domain.EventTopic;
import io.eventsourcing.domain.SchemaVersion;
import io.eventsourcing.domain.VersionedEvent;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.ClassTopicResolver;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import io.eventsourcing.infrastructure.upcasting.EventJson;
import io.eventsourcing.infrastructure.upcasting.Upcaster;
import io.eventsourcing.testing.JdbcStores;
import io.eventsourcing.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the event browser shows of events that upcasters change, on a real store. */
class EventBrowserTests {

    /** A note as an earlier release stored it: two lines in one event. */
    @EventTopic("noted")
    record NotedTwice(UUID originatorId, long originatorVersion, Instant timestamp, String lines)
            implements VersionedEvent {
    }

    /** A note as the current release stores it: one line an event. */
    @EventTopic("noted")
    @SchemaVersion(2)
    record Noted(UUID originatorId, long originatorVersion, Instant timestamp, String line) implements VersionedEvent {
    }

    @Test
    void anEventThatUpcastersSplitIsShownAsItsPartsAtItsPositions() {
        ActiveRecordStrategy store = JdbcStores.newStore(TestDatabase.H2, SequencedItemTable.SEQUENCED_ITEMS);
        UUID id = UUID.randomUUID();
        store.append(SequencedItemMapper.builder().topicResolver(new ClassTopicResolver(List.of(NotedTwice.class)))
                .build().toSequencedItem(new NotedTwice(id, 0, Instant.parse("2026-12-03T08:00:00Z"), "a\nb")));
        SequencedItemMapper mapper = SequencedItemMapper.builder()
                .topicResolver(new ClassTopicResolver(List.of(Noted.class)))
                .upcasters(List.of(Upcaster.splitting("noted", 1, json -> {
                    String[] lines = json.remove("lines").asString().split("\n");
                    return List.of(new EventJson("noted", 2, json.deepCopy().put("line", lines[0])),
                            new EventJson("noted", 2, json.deepCopy().put("line", lines[1])));
                })))
                .build();
        EventBrowser browser = new EventBrowser(new EventStore(store, mapper), null, JsonMapper.shared());

        long logPosition = store.getLastStoredItem().orElseThrow().storagePosition();
        assertThat(browser.sequence(id, null, 20).events())
                .extracting(BrowsedEvent::position, event -> event.data().get("line").asString(), BrowsedEvent::error)
                .containsExactly(tuple(0L, "a", null), tuple(0L, "b", null));
        assertThat(browser.log(0L, 20).events())
                .extracting(BrowsedEvent::logPosition, event -> event.data().get("line").asString())
                .containsExactly(tuple(logPosition, "a"), tuple(logPosition, "b"));
    }
}
