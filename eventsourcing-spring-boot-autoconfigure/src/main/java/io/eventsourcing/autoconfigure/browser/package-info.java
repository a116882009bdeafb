/**
 * The event browser: a read-only web page of the store's events, its notification log followed live, and the
 * projections, served when {@code eventsourcing.browser.enabled} is true.
 */
@NullMarked
package io.eventsourcing.autoconfigure.browser;

import org.jspecify.annotations.NullMarked;
