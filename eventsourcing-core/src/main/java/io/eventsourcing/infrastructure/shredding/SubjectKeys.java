package io.eventsourcing.infrastructure.shredding;

import io.eventsourcing.infrastructure.codec.AESCipher;
import io.eventsourcing.infrastructure.codec.Cipher;
import io.eventsourcing.infrastructure.codec.DecryptionException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The data keys of data subjects: made at random on a subject's first personal data, stored wrapped (encrypted)
 * under the master cipher in a {@link DataKeyStore}, and kept unwrapped in a cache of bounded size and time (another
 * instance of the application that forgets a subject destroys the key in the store, and this one's copy expires
 * with its time to live). A subject's key
 * enters the cache only once it is durable, so that no data is encrypted under a key that a rolled-back transaction
 * took away. Rotating the master key re-wraps the stored keys ({@link #rewrap()}); the data they encrypt is not
 * touched. Keys never appear in messages or {@link #toString()}. Thread-safe.
 */
public final class SubjectKeys {

    private static final int DATA_KEY_BYTES = 32;
    private static final int REWRAP_PAGE = 500;
    /** How long an unwrapped key stays in the cache unless told otherwise. */
    public static final Duration DEFAULT_KEY_TIME_TO_LIVE = Duration.ofMinutes(1);

    private static final byte[] WRAPPING_CONTEXT = "eventsourcing data key".getBytes(StandardCharsets.US_ASCII);

    private final SecureRandom random = new SecureRandom();
    private final DataKeyStore store;
    private final AESCipher master;
    private final KeyCache cache;
    private final Set<UUID> unsettled = ConcurrentHashMap.newKeySet();

    /** Keys cached for at most {@link #DEFAULT_KEY_TIME_TO_LIVE}. */
    public SubjectKeys(DataKeyStore store, AESCipher master, int cacheSize) {
        this(store, master, cacheSize, DEFAULT_KEY_TIME_TO_LIVE);
    }

    /**
     * @param store where the wrapped keys are
     * @param master the cipher that wraps them: the current master key, and the previous ones still accepted
     * @param cacheSize how many unwrapped keys to keep, the least recently used leaving first
     * @param keyTimeToLive how long an unwrapped key is kept at most
     * @throws IllegalArgumentException if the size is below 1 or the time not positive
     */
    public SubjectKeys(DataKeyStore store, AESCipher master, int cacheSize, Duration keyTimeToLive) {
        this.store = Objects.requireNonNull(store, "store");
        this.master = Objects.requireNonNull(master, "master");
        this.cache = new KeyCache(cacheSize, Objects.requireNonNull(keyTimeToLive, "keyTimeToLive"));
    }

    /**
     * The cipher of a subject's key, to encrypt its personal data; the key is made and stored on first use.
     *
     * @param likelyNew whether the subject probably has no key yet (its entity's first event), so that storing one is
     *        tried before looking for it: a new subject's key then costs one statement
     * @throws DataSubjectForgottenException if the subject was forgotten
     */
    public Cipher forWriting(UUID subjectId, boolean likelyNew) {
        Cipher cached = cache.get(subjectId);
        if (cached != null) {
            return cached;
        }
        Optional<StoredDataKey> stored = likelyNew ? Optional.empty() : store.find(subjectId);
        if (stored.isPresent()) {
            return cipherOf(stored.get()).orElseThrow(() -> new DataSubjectForgottenException(subjectId));
        }
        byte[] key = new byte[DATA_KEY_BYTES];
        random.nextBytes(key);
        Cipher cipher = AESCipher.ofKey(key);
        byte[] wrapped = wrap(subjectId, key);
        unsettled.add(subjectId);
        StoredDataKey created = store.create(subjectId, wrapped, durable -> {
            unsettled.remove(subjectId);
            if (durable) {
                cache.put(subjectId, cipher);
            }
        });
        if (created.wrappedKey() == wrapped) {
            return cipher;
        }
        unsettled.remove(subjectId); // another writer stored the subject's row first
        return cipherOf(created).orElseThrow(() -> new DataSubjectForgottenException(subjectId));
    }

    /**
     * The cipher of a subject's key, to decrypt its personal data; empty if the subject was forgotten.
     *
     * @throws DecryptionException if the subject has no key at all: its row was lost
     */
    public Optional<Cipher> forReading(UUID subjectId) {
        Cipher cached = cache.get(subjectId);
        if (cached != null) {
            return Optional.of(cached);
        }
        return cipherOf(store.find(subjectId).orElseThrow(() -> new DecryptionException("The data key of the data"
                + " subject " + subjectId + " is not in " + store + ", and the subject was not forgotten")));
    }

    /**
     * The cipher of a subject's key if it has one, to encrypt data that is personal only when its entity is a data
     * subject (a snapshot); empty if it has none.
     *
     * @throws DataSubjectForgottenException if the subject was forgotten
     */
    public Optional<Cipher> ifSubject(UUID subjectId) {
        Cipher cached = cache.get(subjectId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<StoredDataKey> stored = store.find(subjectId);
        if (stored.isPresent() && stored.get().forgotten()) {
            throw new DataSubjectForgottenException(subjectId);
        }
        return stored.flatMap(this::cipherOf);
    }

    /** Destroys a subject's key: in the store, then in the cache. */
    public void forget(UUID subjectId) {
        store.forget(subjectId);
        cache.remove(subjectId);
    }

    /**
     * Wraps every stored key under the current master key, unwrapping it with whichever configured master key wrapped
     * it; run after rotating the master key, before removing the previous one.
     *
     * @return how many keys were wrapped anew
     * @throws DecryptionException if a key was wrapped under a master key that is not configured
     */
    public int rewrap() {
        int rewrapped = 0;
        @Nullable UUID after = null;
        for (List<StoredDataKey> page = store.page(null, REWRAP_PAGE); !page.isEmpty();
             page = store.page(after, REWRAP_PAGE)) {
            for (StoredDataKey stored : page) {
                byte[] wrapped = stored.wrappedKey();
                if (wrapped != null
                        && store.replace(stored.subjectId(), wrapped, wrap(stored.subjectId(), unwrap(stored.subjectId(),
                                wrapped)))) {
                    rewrapped++;
                }
                after = stored.subjectId();
            }
        }
        return rewrapped;
    }

    /**
     * Checks that the master cipher unwraps the stored keys, trying the first live one: a master key other than the
     * one that wrapped them would read no personal data, and wrap new keys under itself.
     *
     * @throws DecryptionException naming the subject whose key it does not unwrap
     */
    public void requireMasterUnwraps() {
        for (StoredDataKey stored : store.page(null, REWRAP_PAGE)) {
            byte[] wrapped = stored.wrappedKey();
            if (wrapped != null) {
                try {
                    unwrap(stored.subjectId(), wrapped);
                } catch (DecryptionException e) {
                    throw new DecryptionException("The master key does not unwrap the data key of subject "
                            + stored.subjectId() + ": " + e.getMessage(), e);
                }
                return;
            }
        }
    }

    private Optional<Cipher> cipherOf(StoredDataKey stored) {
        byte[] wrapped = stored.wrappedKey();
        if (wrapped == null) {
            return Optional.empty();
        }
        Cipher cipher = AESCipher.ofKey(unwrap(stored.subjectId(), wrapped));
        if (!unsettled.contains(stored.subjectId())) {
            cache.put(stored.subjectId(), cipher);
        }
        return Optional.of(cipher);
    }

    /** A subject's key, wrapped under the current master key. */
    private byte[] wrap(UUID subjectId, byte[] key) {
        return master.encrypt(key, wrappingData(subjectId));
    }

    /** A subject's key, unwrapped by whichever master key wrapped it. */
    private byte[] unwrap(UUID subjectId, byte[] wrapped) {
        return master.decrypt(wrapped, wrappingData(subjectId));
    }

    /** What a wrapped key is bound to: its subject, so that it cannot be moved to another. */
    private static byte[] wrappingData(UUID subjectId) {
        return ByteBuffer.allocate(WRAPPING_CONTEXT.length + 16).put(WRAPPING_CONTEXT)
                .putLong(subjectId.getMostSignificantBits()).putLong(subjectId.getLeastSignificantBits()).array();
    }

    /** The cache's bound: never a key. */
    @Override
    public String toString() {
        return "SubjectKeys[" + store + ", " + cache + "]";
    }
}
