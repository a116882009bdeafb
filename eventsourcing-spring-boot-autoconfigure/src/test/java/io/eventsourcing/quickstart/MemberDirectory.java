package io.eventsourcing.quickstart;

import io.eventsourcing.domain.PersonalDataForgotten;
import io.eventsourcing.projection.Handler;
import io.eventsourcing.projection.Notification;
import io.eventsourcing.projection.Projection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

// tag::directory[]
/** A read model that copies members' names, and deletes its copy when a member is forgotten. */
@Component
@Projection("member-directory")
public class MemberDirectory {

    private final Map<UUID, String> names = new ConcurrentHashMap<>();

    @Handler
    void on(Member.Joined joined, Notification notification) {
        if (!notification.erased()) { // erased when the member was forgotten before this projection read the event
            names.put(joined.originatorId(), joined.name());
        }
    }

    @Handler
    void on(PersonalDataForgotten forgotten) {
        names.remove(forgotten.subjectId());
    }

    /** The name of a member, unless forgotten. */
    public Optional<String> nameOf(UUID memberId) {
        return Optional.ofNullable(names.get(memberId));
    }

    /** How many members the directory lists. */
    public int size() {
        return names.size();
    }
}
// end::directory[]
