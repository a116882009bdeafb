package io.eventsourcing.infrastructure.codec;

/**
 * Thrown when an event's data is larger than the store accepts, before anything is stored. The message names the
 * event, its place and both sizes.
 */
public class EventTooLargeException extends IllegalArgumentException {

    private final int size;
    private final int maxSize;

    public EventTooLargeException(String message, int size, int maxSize) {
        super(message);
        this.size = size;
        this.maxSize = maxSize;
    }

    /** The size of the event's data, in bytes. */
    public int getSize() {
        return size;
    }

    /** The most bytes of data an event may have. */
    public int getMaxSize() {
        return maxSize;
    }
}
