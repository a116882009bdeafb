package io.eventsourcing.projection;

/**
 * Implemented by a {@link Projection} that keeps each {@link Generation} of its view in storage of its own
 * (tables named by {@link Generation#table}), so that it can be reset and rebuilt: a rebuild fills a new
 * generation from the beginning of the log while the serving one stays in use, then swaps them.
 */
public interface ViewGenerations {

    /** Creates the empty storage of a generation, unless it exists. Called before its first event. */
    void create(Generation generation);

    /** Drops the storage of a generation that no longer serves. */
    void drop(Generation generation);
}
