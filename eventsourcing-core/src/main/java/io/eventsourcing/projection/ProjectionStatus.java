package io.eventsourcing.projection;

import org.jspecify.annotations.Nullable;

/**
 * What one generation of a projection is doing on this instance of the application.
 *
 * @param name the projection's name
 * @param generation the generation's number
 * @param serving whether queries read this generation (otherwise it is being rebuilt beside the serving one)
 * @param state what this instance does with it
 * @param position the position in the log after which it continues
 * @param lag how far the log's last position is ahead of the generation's position
 * @param lastError why it stopped, or the last failure it is retrying after; null if none
 */
public record ProjectionStatus(String name, int generation, boolean serving, State state, long position, long lag,
                               @Nullable String lastError) {

    /** What an instance does with a projection's generation. */
    public enum State {
        /** This instance holds it and applies new events. */
        RUNNING,
        /** Another instance holds it; this one takes over if that one stops renewing its lease. */
        STANDBY,
        /** A handler failed: it stays at the event before the failing one until retried. */
        STOPPED
    }
}
