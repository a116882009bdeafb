package io.eventsourcing.testing;

import io.eventsourcing.domain.TaggedEvent;
import java.time.Instant;
import java.util.Set;

/** Tagged events of the examples of the dynamic consistency boundary specification. */
public final class DcbTestEvents {

    private DcbTestEvents() {
    }

    /** A course was defined with a capacity. */
    public record CourseDefined(String courseId, int capacity, Instant timestamp) implements TaggedEvent {
        @Override
        public Set<String> tags() {
            return Set.of("course:" + courseId);
        }
    }

    /** A student subscribed to a course. */
    public record StudentSubscribed(String studentId, String courseId, Instant timestamp) implements TaggedEvent {
        @Override
        public Set<String> tags() {
            return Set.of("student:" + studentId, "course:" + courseId);
        }
    }

    /** An account was registered under a username, which no other open account may have. */
    public record AccountRegistered(String username, Instant timestamp) implements TaggedEvent {
        @Override
        public Set<String> tags() {
            return Set.of("username:" + username);
        }
    }

    /** An account was closed, freeing its username. */
    public record AccountClosed(String username, Instant timestamp) implements TaggedEvent {
        @Override
        public Set<String> tags() {
            return Set.of("username:" + username);
        }
    }

    /** An invoice was created with the next number of an unbroken sequence; it has no tag. */
    public record InvoiceCreated(int number, Instant timestamp) implements TaggedEvent {
        @Override
        public Set<String> tags() {
            return Set.of();
        }
    }

    /** An event with tags of the caller's choosing, stored in its data. */
    public record Labelled(Set<String> tags, Instant timestamp) implements TaggedEvent {
    }
}
