package io.eventsourcing.testing;

import java.util.concurrent.Callable;

/** A value made on first use and kept for the life of the JVM; a failure to make it is kept and rethrown as well. */
final class OncePerJvm<T> {

    private final String description;
    private final Callable<T> factory;
    private T value;
    private Exception failure;

    OncePerJvm(String description, Callable<T> factory) {
        this.description = description;
        this.factory = factory;
    }

    synchronized T get() {
        if (value == null && failure == null) {
            try {
                value = factory.call();
            } catch (Exception e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new IllegalStateException("Could not start the " + description, failure);
        }
        return value;
    }
}
