package io.eventsourcing.testing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** Attempts raced against each other: each on a thread of its own, all released at once. */
public final class Race {

    private Race() {
    }

    /**
     * Runs the attempt for each input on a thread of the executor, which must have a thread for each, all released at
     * once; their results, in the inputs' order.
     */
    public static <I, T> List<T> of(List<I> inputs, Function<I, T> attempt, Executor threads) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<T>> results = inputs.stream().map(input -> CompletableFuture.supplyAsync(() -> {
            awaitQuietly(start);
            return attempt.apply(input);
        }, threads)).toList();
        start.countDown();
        return results.stream().map(CompletableFuture::join).toList();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
