package io.eventsourcing.quickstart;

import io.eventsourcing.dcb.AppendConditionViolatedException;
import io.eventsourcing.dcb.DcbEventStore;
import io.eventsourcing.dcb.Decision;
import io.eventsourcing.dcb.DecisionProjection;
import io.eventsourcing.domain.TaggedEvent;
import io.eventsourcing.domain.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

// tag::usernames[]
/** Usernames unique across all accounts: a rule no single account aggregate can keep. */
@Service
public class Usernames {

    /** A username was claimed by an account. */
    public record UsernameClaimed(String username, UUID accountId, Instant timestamp) implements TaggedEvent {
        @Override
        public Set<String> tags() {
            return Set.of("username:" + username);
        }
    }

    /** An account gave its username up. */
    public record UsernameReleased(String username, UUID accountId, Instant timestamp) implements TaggedEvent {
        @Override
        public Set<String> tags() {
            return Set.of("username:" + username);
        }
    }

    private final DcbEventStore events;

    public Usernames(DcbEventStore events) {
        this.events = events;
    }

    /** Claims a username for an account; false if another account holds it. */
    public boolean claim(String username, UUID accountId) {
        DecisionProjection<Boolean> taken = DecisionProjection.initially(false)
                .taggedWith("username:" + username)
                .on(UsernameClaimed.class, (state, event) -> true)
                .on(UsernameReleased.class, (state, event) -> false);
        while (true) {
            Decision decision = events.decide(taken); // reads the username's events, at once
            if (decision.state(taken)) {
                return false;
            }
            try {
                decision.append(new UsernameClaimed(username, accountId, Timestamps.now()));
                return true;
            } catch (AppendConditionViolatedException e) {
                // another claim or release of this username came first: decide again
            }
        }
    }

    public void release(String username, UUID accountId) {
        events.append(List.of(new UsernameReleased(username, accountId, Timestamps.now())));
    }
}
// end::usernames[]
