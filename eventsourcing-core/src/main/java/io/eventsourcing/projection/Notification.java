package io.eventsourcing.projection;

/**
 * How an event reached a projection: an optional parameter of a {@link Handler} method, after the event.
 *
 * @param logPosition the event's position in the notification log
 * @param erased whether the event's personal data was erased, its data subject forgotten: its personal attributes
 *        are {@code null}, and a read model should not keep a copy of them
 */
public record Notification(long logPosition, boolean erased) {
}
