package io.eventsourcing.projection;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where projections keep their generations and positions, and the transaction in which a projection's writes
 * and its new position commit together. A generation is held by one owner at a time, under a lease; only the
 * owner that holds it at the expected position can move its position, so two instances of an application
 * never both apply the same events. Implementations are thread-safe.
 */
public interface ProjectionPositions {

    /** The generations of a projection, oldest first; a projection seen for the first time gets generation 1. */
    List<TrackedGeneration> generations(String name);

    /**
     * The generation of a projection that queries read: a view's query reads the storage of this generation.
     *
     * @throws IllegalStateException if the projection has none (it is being reset at this moment)
     */
    default Generation servingGeneration(String name) {
        return generations(name).stream().filter(TrackedGeneration::serving).map(TrackedGeneration::generation)
                .findFirst().orElseThrow(() -> new IllegalStateException("Projection '" + name
                        + "' has no serving generation"));
    }

    /**
     * Takes or renews the lease of a generation for an owner, if no other owner holds an unexpired one.
     *
     * @return the generation's position, or empty if another owner holds it or the generation is gone
     */
    OptionalLong claim(String name, Generation generation, String owner, Duration lease);

    /** Gives up an owner's lease of a generation, so that another instance can take it at once. */
    void release(String name, Generation generation, String owner);

    /**
     * Runs work and moves a generation's position from {@code from} to {@code to}, in one transaction that the
     * work's writes to the same database join: both commit, or neither. Nothing runs unless the owner holds the
     * generation at {@code from}.
     *
     * @return false if the owner no longer holds the generation at {@code from}; nothing was done
     * @throws RuntimeException what the work threw, after the transaction rolled back
     */
    boolean advance(String name, Generation generation, String owner, long from, long to, Runnable work);

    /** Replaces every generation of a projection with a new one that serves at once, from the start of the log. */
    Replacement reset(String name);

    /**
     * Starts a new generation that builds from the start of the log beside the serving one, unless one is
     * building already; returns the building one.
     */
    Generation rebuild(String name);

    /**
     * Makes a building generation serve in place of the serving one, if the owner holds it.
     *
     * @return the replacement, or empty if the owner no longer holds the building generation
     */
    Optional<Replacement> promote(String name, Generation building, String owner);

    /**
     * A projection's generation with its state.
     *
     * @param serving whether queries read this generation (otherwise it is building beside the serving one)
     * @param position the position in the log after which it continues
     */
    record TrackedGeneration(Generation generation, boolean serving, long position) {
    }

    /**
     * The outcome of a reset or a promotion.
     *
     * @param serving the generation that serves now
     * @param retired the generations it replaced, whose storage can be dropped
     */
    record Replacement(Generation serving, List<Generation> retired) {

        public Replacement {
            retired = List.copyOf(retired);
        }
    }
}
