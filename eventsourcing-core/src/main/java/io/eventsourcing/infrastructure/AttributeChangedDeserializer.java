package io.eventsourcing.infrastructure;

import io.eventsourcing.domain.AttributeValueTypes;
import io.eventsourcing.domain.TimestampedVersionedEntity.AttributeChanged;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Reads an {@link AttributeChanged} event with its value as the type the event names, the declared type
 * of the entity's field, so that a date reads back as a date and an enum as an enum. The value is buffered
 * token by token, numbers as their text, until its type is known, so that no digit, scale or sign of zero is
 * lost. The type name is checked before any class it names is loaded: only the types
 * {@link AttributeValueTypes} accepts.
 */
final class AttributeChangedDeserializer extends StdDeserializer<AttributeChanged> {

    private static final Pattern CLASS_NAME =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    private static final Set<String> PRIMITIVES =
            Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");

    AttributeChangedDeserializer() {
        super(AttributeChanged.class);
    }

    @Override
    public AttributeChanged deserialize(JsonParser parser, DeserializationContext context) {
        UUID originatorId = null;
        long originatorVersion = -1;
        Instant timestamp = null;
        String name = null;
        String valueType = null;
        TokenBuffer value = null;
        String property = parser.currentToken() == JsonToken.START_OBJECT ? parser.nextName() : parser.currentName();
        for (; property != null; property = parser.nextName()) {
            parser.nextToken();
            switch (property) {
                case "originatorId" -> originatorId = context.readValue(parser, UUID.class);
                case "originatorVersion" -> originatorVersion = parser.getLongValue();
                case "timestamp" -> timestamp = context.readValue(parser, Instant.class);
                case "name" -> name = parser.getValueAsString();
                case "valueType" -> valueType = parser.getValueAsString();
                case "value" -> value = context.bufferAsCopyOfValue(parser);
                default -> parser.skipChildren();
            }
        }
        if (originatorId == null || originatorVersion < 0 || timestamp == null || name == null || valueType == null) {
            return context.reportInputMismatch(AttributeChanged.class, "Missing originatorId, originatorVersion,"
                    + " timestamp, name or valueType");
        }
        return new AttributeChanged(originatorId, originatorVersion, timestamp, name, valueType,
                value == null ? null : context.readValue(value.asParserOnFirstToken(context), typeOf(valueType, context)));
    }

    private static JavaType typeOf(String valueType, DeserializationContext context) {
        Matcher names = CLASS_NAME.matcher(valueType);
        while (names.find()) {
            String name = names.group();
            if (!PRIMITIVES.contains(name) && !isStorable(name)) {
                return context.reportInputMismatch(AttributeChanged.class,
                        "valueType '%s' names %s, which is not a type whose values changeAttribute stores", valueType, name);
            }
        }
        return context.getTypeFactory().constructFromCanonical(valueType);
    }

    private static boolean isStorable(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return AttributeValueTypes.isStorable(Class.forName(className, false,
                    loader != null ? loader : AttributeChangedDeserializer.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
