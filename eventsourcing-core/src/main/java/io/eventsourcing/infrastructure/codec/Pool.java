package io.eventsourcing.infrastructure.codec;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A few reusable objects that cost more to make than to use on one event (zlib streams, JCE ciphers), lent to one
 * thread at a time. A borrower takes the first idle object, or makes a new one when none is idle; an object given
 * back when every slot is taken is discarded. A thread that borrows and gives back in turn keeps using the first
 * object, without a lock. Bounded, so that many threads (virtual ones among them) never pin many native zlib
 * buffers. Thread-safe.
 */
final class Pool<T> {

    private static final int CAPACITY = 2 * Runtime.getRuntime().availableProcessors();

    private final AtomicReferenceArray<T> idle = new AtomicReferenceArray<>(CAPACITY);
    private final Supplier<T> factory;
    private final Consumer<T> discard;

    /** A pool that makes objects with the factory, and hands the ones it cannot keep to {@code discard}. */
    Pool(Supplier<T> factory, Consumer<T> discard) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.discard = Objects.requireNonNull(discard, "discard");
    }

    /** An idle object, or a new one. */
    T borrow() {
        for (int slot = 0; slot < CAPACITY; slot++) {
            T object = idle.get(slot);
            if (object != null && idle.compareAndSet(slot, object, null)) {
                return object;
            }
        }
        return factory.get();
    }

    /** Returns an object, ready for its next borrower, to the pool. */
    void giveBack(T object) {
        for (int slot = 0; slot < CAPACITY; slot++) {
            if (idle.get(slot) == null && idle.compareAndSet(slot, null, object)) {
                return;
            }
        }
        discard.accept(object);
    }
}
