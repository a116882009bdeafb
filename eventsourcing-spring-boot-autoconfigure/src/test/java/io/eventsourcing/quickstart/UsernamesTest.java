package io.eventsourcing.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.dcb.DcbEventStore;
import io.eventsourcing.dcb.Query;
import io.eventsourcing.dcb.QueryItem;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.PositionedEvent;
import io.eventsourcing.quickstart.Usernames.UsernameClaimed;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's DCB example runs as written, in the quick start's application. */
@SpringBootTest(classes = QuickStartApplication.class, properties = { "spring.config.name=quickstart",
        "spring.autoconfigure.exclude=org.springframework.boot.cassandra.autoconfigure.CassandraAutoConfiguration" })
class UsernamesTest {

    @Autowired
    Usernames usernames;

    @Autowired
    DcbEventStore dcbEventStore;

    @Autowired
    EventStore eventStore;

    @Test
    void aUsernameBelongsToOneAccountUntilReleasedEvenWhenClaimedConcurrently() {
        UUID ada = UUID.randomUUID();
        assertThat(usernames.claim("ada", ada)).isTrue();
        assertThat(usernames.claim("ada", UUID.randomUUID())).isFalse();
        usernames.release("ada", ada);
        assertThat(usernames.claim("ada", UUID.randomUUID())).isTrue();

        ExecutorService claimants = Executors.newFixedThreadPool(8);
        List<Boolean> racing;
        try {
            racing = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                    usernames.claim("grace", UUID.randomUUID()), claimants)).toList().stream()
                    .map(CompletableFuture::join).toList();
        } finally {
            claimants.shutdown();
        }

        assertThat(racing).containsOnlyOnce(true);
        assertThat(dcbEventStore.read(Query.of(QueryItem.ofTags("username:grace"))).events()).hasSize(1);
        assertThat(eventStore.getAllDomainEvents().map(PositionedEvent::event)
                .filter(event -> event instanceof UsernameClaimed claimed && claimed.username().equals("grace")))
                .hasSize(1);
    }
}
