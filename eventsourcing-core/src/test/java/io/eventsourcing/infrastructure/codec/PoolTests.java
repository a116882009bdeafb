package io.eventsourcing.infrastructure.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PoolTests {

    /** A pooled object that knows whether it is lent. */
    private static final class Lendable {
        final AtomicBoolean lent = new AtomicBoolean();
    }

    private final AtomicInteger made = new AtomicInteger();
    private final List<Lendable> discarded = new ArrayList<>();
    private final Pool<Lendable> pool = new Pool<>(() -> {
        made.incrementAndGet();
        return new Lendable();
    }, discarded::add);

    @Test
    void aThreadThatGivesBackWhatItBorrowedKeepsUsingOneObject() {
        Lendable first = pool.borrow();
        pool.giveBack(first);

        for (int i = 0; i < 100; i++) {
            Lendable again = pool.borrow();
            assertThat(again).isSameAs(first);
            pool.giveBack(again);
        }
        assertThat(made).hasValue(1);
    }

    @Test
    void objectsBeyondTheCapacityAreDiscardedWhenGivenBack() {
        int capacity = 2 * Runtime.getRuntime().availableProcessors();
        List<Lendable> borrowed = new ArrayList<>();
        for (int i = 0; i < capacity + 3; i++) {
            borrowed.add(pool.borrow());
        }
        borrowed.forEach(pool::giveBack);

        assertThat(made).hasValue(capacity + 3);
        assertThat(discarded).containsExactlyElementsOf(borrowed.subList(capacity, capacity + 3));
        for (int i = 0; i < capacity; i++) {
            assertThat(borrowed.subList(0, capacity)).contains(pool.borrow());
        }
        assertThat(made).hasValue(capacity + 3);
    }

    @Test
    void noObjectIsLentToTwoThreadsAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicInteger sharedLoans = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        Lendable object = pool.borrow();
                        if (!object.lent.compareAndSet(false, true)) {
                            sharedLoans.incrementAndGet();
                        }
                        Thread.onSpinWait();
                        object.lent.set(false);
                        pool.giveBack(object);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }

        assertThat(sharedLoans).hasValue(0);
        assertThat(made.get()).isLessThanOrEqualTo(8);
    }
}
