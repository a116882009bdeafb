package io.eventsourcing.infrastructure.codec;

import io.eventsourcing.domain.Timestamps;
import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * An event's timestamp in JSON: a number of microseconds since the epoch, the resolution of
 * {@link Timestamps#now()}, when that holds it exactly; else (a finer or out-of-range instant) its ISO-8601 text,
 * which is also how the first release wrote every timestamp.
 */
final class MicrosecondTimestamps {

    private MicrosecondTimestamps() {
    }

    static final class Serializer extends ValueSerializer<Instant> {

        @Override
        public void serialize(Instant instant, JsonGenerator generator, SerializationContext context) {
            if (instant.getNano() % 1000 == 0 && instant.getEpochSecond() > Long.MIN_VALUE / 1_000_000
                    && instant.getEpochSecond() < Long.MAX_VALUE / 1_000_000) {
                generator.writeNumber(Timestamps.toMicros(instant));
            } else {
                generator.writeString(instant.toString());
            }
        }
    }

    static final class Deserializer extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return Timestamps.ofMicros(parser.getLongValue());
            }
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                return context.readValue(parser, Instant.class);
            }
            return context.reportInputMismatch(Instant.class, "A timestamp must be microseconds or ISO-8601 text, not %s",
                    parser.currentToken());
        }
    }
}
