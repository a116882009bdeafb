package io.eventsourcing.infrastructure.codec;

import io.eventsourcing.domain.AttributeValueTypes;
import io.eventsourcing.domain.TimestampedVersionedEntity.AttributeValue;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Reads an {@link AttributeValue} as the type it names, the declared type of the entity's field, so that a date
 * reads back as a date and an enum as an enum. The value is buffered token by token, numbers as their text, until
 * its type is known, so that no digit, scale or sign of zero is lost. The type name is checked before any class it
 * names is loaded: only the types {@link AttributeValueTypes} accepts. A bare value, as the first release stored
 * it, reads as JSON's own types (text, number, boolean, list, map), of type {@code java.lang.Object}.
 */
final class AttributeValueDeserializer extends StdDeserializer<AttributeValue> {

    private static final Pattern CLASS_NAME =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");
    private static final Set<String> PRIMITIVES =
            Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");

    AttributeValueDeserializer() {
        super(AttributeValue.class);
    }

    @Override
    public AttributeValue deserialize(JsonParser parser, DeserializationContext context) {
        TokenBuffer whole = context.bufferAsCopyOfValue(parser);
        String type = null;
        TokenBuffer value = null;
        try (JsonParser fields = whole.asParserOnFirstToken(context)) {
            String property = fields.currentToken() == JsonToken.START_OBJECT ? fields.nextName() : null;
            for (; property != null; property = fields.nextName()) {
                fields.nextToken();
                if (property.equals("type") && fields.currentToken() == JsonToken.VALUE_STRING) {
                    type = fields.getString();
                } else if (property.equals("value")) {
                    value = context.bufferAsCopyOfValue(fields);
                } else {
                    type = null;
                    break;
                }
            }
        }
        if (type == null) {
            return new AttributeValue(Object.class.getName(), read(whole, context.constructType(Object.class), context));
        }
        return new AttributeValue(type, value == null ? null : read(value, javaType(type, context), context));
    }

    private static Object read(TokenBuffer value, JavaType type, DeserializationContext context) {
        try (JsonParser parser = value.asParserOnFirstToken(context)) {
            return context.readValue(parser, type);
        }
    }

    private static JavaType javaType(String type, DeserializationContext context) {
        Matcher names = CLASS_NAME.matcher(type);
        while (names.find()) {
            String name = names.group();
            if (!PRIMITIVES.contains(name) && !isStorable(name)) {
                return context.reportInputMismatch(AttributeValue.class,
                        "The attribute type '%s' names %s, which is not a type whose values changeAttribute stores",
                        type, name);
            }
        }
        return context.getTypeFactory().constructFromCanonical(type);
    }

    private static boolean isStorable(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return AttributeValueTypes.isStorable(Class.forName(className, false,
                    loader != null ? loader : AttributeValueDeserializer.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
