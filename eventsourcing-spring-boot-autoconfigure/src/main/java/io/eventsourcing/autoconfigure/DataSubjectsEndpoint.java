package io.eventsourcing.autoconfigure;

import io.eventsourcing.domain.PersonalDataForgotten;
import io.eventsourcing.infrastructure.shredding.DataSubjects;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The Actuator endpoint of crypto-shredding, {@code datasubjects}: {@code DELETE /actuator/datasubjects/{subjectId}}
 * forgets a data subject; {@code POST /actuator/datasubjects} wraps every subject's key under the current master key,
 * after a rotation of {@code eventsourcing.cipher.key}.
 */
@Endpoint(id = "datasubjects")
public class DataSubjectsEndpoint {

    private final DataSubjects dataSubjects;

    DataSubjectsEndpoint(DataSubjects dataSubjects) {
        this.dataSubjects = Objects.requireNonNull(dataSubjects, "dataSubjects");
    }

    /** Forgets a data subject: its personal data is erased, its events stay. */
    @DeleteOperation
    public Forgotten forget(@Selector UUID subjectId) {
        PersonalDataForgotten forgotten = dataSubjects.forget(subjectId);
        return new Forgotten(forgotten.subjectId().toString(), forgotten.timestamp().toString());
    }

    /** Wraps the data keys under the current master key. */
    @WriteOperation
    public Map<String, Integer> rewrapKeys() {
        return Map.of("rewrapped", dataSubjects.rewrapKeys());
    }

    /**
     * A forgotten subject.
     *
     * @param subjectId the subject
     * @param forgottenAt when it was first forgotten, ISO-8601
     */
    public record Forgotten(String subjectId, String forgottenAt) {
    }
}
