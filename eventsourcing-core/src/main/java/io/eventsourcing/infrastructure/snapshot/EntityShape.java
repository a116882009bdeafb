package io.eventsourcing.infrastructure.snapshot;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A fingerprint of the instance fields (names and types) of a class and its superclasses. */
final class EntityShape {

    private static final ClassValue<String> SHAPES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return fingerprint(type);
        }
    };

    private EntityShape() {
    }

    static String of(Class<?> type) {
        return SHAPES.get(type);
    }

    private static String fingerprint(Class<?> type) {
        List<String> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)) {
                    fields.add(c.getName() + "." + field.getName() + ":" + field.getGenericType().getTypeName());
                }
            }
        }
        fields.sort(null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(";", fields).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
