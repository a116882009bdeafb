package io.eventsourcing.infrastructure.shredding;

import io.eventsourcing.infrastructure.codec.Cipher;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Unwrapped data keys by subject: at most a number of them, the least recently used leaving first, each for at most
 * a time, so that a key that another instance of the application destroyed leaves this one's memory too.
 * Thread-safe.
 */
final class KeyCache {

    private record Entry(Cipher cipher, long loadedAt) {
    }

    private final int size;
    private final long timeToLiveNanos;
    private final Map<UUID, Entry> entries;

    KeyCache(int size, Duration timeToLive) {
        if (size < 1) {
            throw new IllegalArgumentException("the key cache's size must be 1 or more, was " + size);
        }
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("the key cache's time to live must be positive, was " + timeToLive);
        }
        this.size = size;
        this.timeToLiveNanos = timeToLive.toNanos();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Entry> eldest) {
                return size() > KeyCache.this.size;
            }
        };
    }

    synchronized @Nullable Cipher get(UUID subjectId) {
        Entry entry = entries.get(subjectId);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.loadedAt() > timeToLiveNanos) {
            entries.remove(subjectId);
            return null;
        }
        return entry.cipher();
    }

    synchronized void put(UUID subjectId, Cipher cipher) {
        entries.put(subjectId, new Entry(cipher, System.nanoTime()));
    }

    synchronized void remove(UUID subjectId) {
        entries.remove(subjectId);
    }

    @Override
    public String toString() {
        return "at most " + size + " keys for " + Duration.ofNanos(timeToLiveNanos);
    }
}
