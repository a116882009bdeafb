package io.eventsourcing.sample.web;

import io.eventsourcing.sample.domain.StudentSubscribed;
import java.util.UUID;

/** A subscription as the API shows it. */
public record SubscriptionResponse(UUID courseId, UUID studentId) {

    static SubscriptionResponse of(StudentSubscribed subscribed) {
        return new SubscriptionResponse(subscribed.courseId(), subscribed.studentId());
    }
}
