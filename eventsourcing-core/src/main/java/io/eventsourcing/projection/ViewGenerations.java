package io.eventsourcing.projection;

/**
 * Implemented by a {@link Projection} that keeps each {@link Generation} of its view in storage of its own
 * (tables named by {@link Generation#table}), so that it can be reset and rebuilt: a rebuild fills a new
 * generation from the beginning of the log while the serving one stays in use, then swaps them.
 */
public interface ViewGenerations {

    /**
     * Creates the empty storage of a generation, unless it exists: called when a reset makes it serve, and by the
     * instance that applies its first event, so possibly twice at once (on PostgreSQL, two concurrent
     * {@code CREATE TABLE IF NOT EXISTS} can fail with a unique violation; treat it as created).
     */
    void create(Generation generation);

    /**
     * Drops the storage of a generation that no longer serves, a few seconds after it stopped serving, so that
     * queries that read it just before still find it.
     */
    void drop(Generation generation);
}
