package io.eventsourcing.projection;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A projection bean with its name and handlers, and its view's generations if it keeps them. */
record RegisteredProjection(String name, Object bean, ProjectionHandlers handlers) {

    private static final Logger log = LoggerFactory.getLogger(RegisteredProjection.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,100}");

    /**
     * The projection of a bean annotated with {@link Projection}.
     *
     * @throws IllegalArgumentException if it is not annotated, its name is not allowed, or its handlers are not
     */
    static RegisteredProjection of(Object bean) {
        Projection annotation = annotation(bean.getClass());
        if (annotation == null) {
            throw new IllegalArgumentException(bean.getClass().getName() + " is not annotated with @Projection");
        }
        String name = annotation.value();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("@Projection name '" + name + "' of " + bean.getClass().getName()
                    + " must be 1 to 100 lower-case letters, digits, '-' and '_'");
        }
        return new RegisteredProjection(name, bean, ProjectionHandlers.of(bean, name));
    }

    /** The annotation on a class or, for a proxy's class, on a superclass. */
    static @Nullable Projection annotation(Class<?> type) {
        for (Class<?> candidate = type; candidate != null; candidate = candidate.getSuperclass()) {
            Projection annotation = candidate.getAnnotation(Projection.class);
            if (annotation != null) {
                return annotation;
            }
        }
        return null;
    }

    Optional<ViewGenerations> views() {
        return bean instanceof ViewGenerations views ? Optional.of(views) : Optional.empty();
    }

    /** Drops the storage of generations that no longer serve; a failure is logged, the storage left in place. */
    void dropStorage(List<Generation> retired) {
        views().ifPresent(views -> retired.forEach(generation -> {
            try {
                views.drop(generation);
            } catch (RuntimeException e) {
                log.warn("Projection '{}' could not drop the storage of its retired generation {}; drop it by hand",
                        name, generation.number(), e);
            }
        }));
    }
}
