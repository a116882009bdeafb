package io.eventsourcing.infrastructure.upcasting;

import io.eventsourcing.domain.SchemaVersion;

/** The current schema versions of classes: their {@link SchemaVersion}, or 1. */
public final class SchemaVersions {

    private static final ClassValue<Integer> VERSIONS = new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
            SchemaVersion annotation = type.getAnnotation(SchemaVersion.class);
            if (annotation == null) {
                return 1;
            }
            if (annotation.value() < 1) {
                throw new IllegalArgumentException("@SchemaVersion(" + annotation.value() + ") of " + type.getName()
                        + " must be 1 or more");
            }
            return annotation.value();
        }
    };

    private SchemaVersions() {
    }

    /**
     * The current schema version of a class.
     *
     * @throws IllegalArgumentException if its {@link SchemaVersion} is below 1
     */
    public static int of(Class<?> type) {
        return VERSIONS.get(type);
    }
}
