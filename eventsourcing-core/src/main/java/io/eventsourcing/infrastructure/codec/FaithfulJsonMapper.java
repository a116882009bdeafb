package io.eventsourcing.infrastructure.codec;

import io.eventsourcing.domain.TimestampedVersionedEntity.AttributeValue;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Copies of an application's Jackson mapper that read back exactly what they write, whatever the application's
 * own settings, for stored events and snapshots: date-times keep their offsets, zones and full precision, and
 * {@link AttributeValue}s their declared types; properties that stored data holds and a class no longer has are
 * passed over. The application's modules and other settings apply.
 */
public final class FaithfulJsonMapper {

    private FaithfulJsonMapper() {
    }

    /** A copy of the mapper, made faithful; the mapper itself is left as it is. */
    public static JsonMapper copyOf(JsonMapper jsonMapper) {
        return jsonMapper.rebuild()
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, DateTimeFeature.TRUNCATE_TO_MSECS_ON_READ,
                        DateTimeFeature.TRUNCATE_TO_MSECS_ON_WRITE)
                .enable(DateTimeFeature.WRITE_DATES_WITH_ZONE_ID)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(new SimpleModule("eventsourcing-events")
                        .addDeserializer(AttributeValue.class, new AttributeValueDeserializer()))
                .build();
    }
}
