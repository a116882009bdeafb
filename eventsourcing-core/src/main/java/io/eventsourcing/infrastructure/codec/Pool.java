package io.eventsourcing.infrastructure.codec;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A few reusable objects that cost more to make than to use on one event (zlib streams, JCE ciphers), lent to one
 * thread at a time. A borrower makes a new object when none is idle; an object given back when the pool is full is
 * discarded. Bounded, so that many threads (virtual ones among them) never pin many native zlib buffers. Thread-safe.
 */
final class Pool<T> {

    private static final int CAPACITY = 2 * Runtime.getRuntime().availableProcessors();

    private final BlockingQueue<T> idle = new ArrayBlockingQueue<>(CAPACITY);
    private final Supplier<T> factory;
    private final Consumer<T> discard;

    /** A pool that makes objects with the factory, and hands the ones it cannot keep to {@code discard}. */
    Pool(Supplier<T> factory, Consumer<T> discard) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.discard = Objects.requireNonNull(discard, "discard");
    }

    /** An idle object, or a new one. */
    T borrow() {
        T object = idle.poll();
        return object != null ? object : factory.get();
    }

    /** Returns an object, ready for its next borrower, to the pool. */
    void giveBack(T object) {
        if (!idle.offer(object)) {
            discard.accept(object);
        }
    }
}
