package io.eventsourcing.projection;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.ItemEvents;
import io.eventsourcing.infrastructure.StoredItem;
import io.eventsourcing.projection.ProjectionPositions.Replacement;
import io.eventsourcing.projection.ProjectionStatus.State;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Applies the log to one generation of a projection, on a thread of its own, while this instance holds the
 * generation's lease: reads a page after the generation's position, hands its events to the handlers and
 * moves the position, in one transaction per page. A building generation that has caught up with the log
 * replaces the serving one. A handler that throws stops the generation at that event, after committing the
 * events before it.
 */
final class ProjectionRunner implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);
    private static final Duration FIRST_POLL_INTERVAL = Duration.ofMillis(5);
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    private final RegisteredProjection projection;
    private final Generation generation;
    private final EventStore eventStore;
    private final ProjectionPositions positions;
    private final ProjectionSettings settings;
    private final String owner;
    private final WakeUp wakeUp;
    private final RetiredStorage retiredStorage;

    private volatile boolean serving;
    private volatile State state = State.STANDBY;
    private volatile long position;
    private volatile @Nullable String lastError;
    private volatile boolean closed;
    private volatile boolean retryRequested;
    private long leaseRenewedAt;
    private boolean holdsLease;
    private boolean storageCreated;
    private Duration pollInterval = FIRST_POLL_INTERVAL;

    ProjectionRunner(RegisteredProjection projection, ProjectionPositions.TrackedGeneration tracked,
                     EventStore eventStore, ProjectionPositions positions, ProjectionSettings settings, String owner,
                     WakeUp wakeUp, RetiredStorage retiredStorage) {
        this.projection = projection;
        this.generation = tracked.generation();
        this.serving = tracked.serving();
        this.position = tracked.position();
        this.eventStore = eventStore;
        this.positions = positions;
        this.settings = settings;
        this.owner = owner;
        this.wakeUp = wakeUp;
        this.retiredStorage = retiredStorage;
    }

    Generation generation() {
        return generation;
    }

    /** Whether this generation has served since the runner last saw it building. */
    void serving(boolean serving) {
        this.serving = serving;
    }

    ProjectionStatus status(long lastPosition) {
        return new ProjectionStatus(projection.name(), generation.number(), serving, state, position,
                Math.max(0, lastPosition - position), lastError);
    }

    /** Lets a stopped generation try the failed event again. */
    void retry() {
        retryRequested = true;
    }

    /** Ends the runner's loop; it releases its lease on the way out. */
    void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void run() {
        while (!closed && !Thread.currentThread().isInterrupted()) {
            try {
                step();
            } catch (RuntimeException e) {
                lastError = "Retrying after a failure: " + e.getMessage();
                log.warn("Projection '{}' generation {} failed, retrying in {}", projection.name(),
                        generation.number(), RETRY_INTERVAL, e);
                wakeUp.await(RETRY_INTERVAL);
            }
        }
        if (holdsLease) {
            try {
                positions.release(projection.name(), generation, owner);
            } catch (RuntimeException e) {
                log.warn("Projection '{}' generation {} could not release its lease; it expires in {}",
                        projection.name(), generation.number(), settings.lease(), e);
            }
        }
    }

    private void step() {
        if (!holdLease()) {
            state = State.STANDBY;
            wakeUp.await(renewalInterval());
            return;
        }
        if (state == State.STOPPED) {
            if (!retryRequested) {
                wakeUp.await(renewalInterval());
                return;
            }
            retryRequested = false;
            lastError = null;
        }
        state = State.RUNNING;
        createStorage();
        List<StoredItem> page = eventStore.getActiveRecordStrategy().getStoredItems(position, settings.pageSize());
        if (page.isEmpty()) {
            if (!serving) {
                promote();
            }
            wakeUp.await(pollInterval);
            pollInterval = min(pollInterval.multipliedBy(2), settings.maxPollInterval());
            return;
        }
        pollInterval = FIRST_POLL_INTERVAL;
        apply(page);
    }

    private boolean holdLease() {
        long now = System.nanoTime();
        if (holdsLease && now - leaseRenewedAt < renewalInterval().toNanos()) {
            return true;
        }
        OptionalLong claimed = positions.claim(projection.name(), generation, owner, settings.lease());
        if (claimed.isPresent() && !holdsLease) {
            position = claimed.getAsLong();
        }
        holdsLease = claimed.isPresent();
        leaseRenewedAt = now;
        return holdsLease;
    }

    private Duration renewalInterval() {
        return settings.lease().dividedBy(3);
    }

    private void createStorage() {
        if (!storageCreated) {
            projection.views().ifPresent(views -> views.create(generation));
            storageCreated = true;
        }
    }

    /**
     * Applies a page: all of it, or the events before the first one that cannot be decoded or handled, then
     * stops at that one. A database that cannot be reached is not the event's fault: that propagates, and the
     * page is tried again.
     */
    private void apply(List<StoredItem> page) {
        Progress progress = new Progress();
        try {
            commit(page, page.size(), progress);
        } catch (EventFailedException e) {
            if (progress.applied > 0) {
                commit(page, progress.applied, new Progress());
            }
            stop(page.get(progress.applied), e.getCause());
        }
    }

    /** Decodes and handles the first {@code count} events of a page in one transaction with the position after them. */
    private void commit(List<StoredItem> page, int count, Progress progress) {
        long to = page.get(count - 1).storagePosition();
        boolean held = positions.advance(projection.name(), generation, owner, position, to, () -> {
            progress.applied = 0;
            for (StoredItem item : page.subList(0, count)) {
                try {
                    ItemEvents read = eventStore.getSequencedItemMapper().read(item.item());
                    Notification notification = new Notification(item.storagePosition(), read.erased());
                    for (DomainEvent event : read.events()) {
                        projection.handlers().handle(event, generation, notification);
                    }
                } catch (RuntimeException e) {
                    Throwable cause = e instanceof ProjectionHandlers.HandlerFailedException ? e.getCause() : e;
                    if (cause instanceof TransientDataAccessException
                            || cause instanceof DataAccessResourceFailureException) {
                        throw (RuntimeException) cause;
                    }
                    throw new EventFailedException(e);
                }
                progress.applied++;
            }
        });
        if (held) {
            position = to;
        } else {
            holdsLease = false;
            state = State.STANDBY;
        }
    }

    /** How many events of a page a transaction has applied so far. */
    private static final class Progress {
        int applied;
    }

    /** An event could not be decoded or handled; the cause says why. */
    private static final class EventFailedException extends RuntimeException {

        EventFailedException(RuntimeException cause) {
            super(cause);
        }
    }

    private void stop(StoredItem failed, Throwable failure) {
        lastError = "Stopped at position " + failed.storagePosition() + " (" + failed.item().describe() + ", "
                + failed.item().topic() + "): " + failure.getMessage();
        state = State.STOPPED;
        log.error("Projection '{}' generation {} {}; retry it once the cause is fixed", projection.name(),
                generation.number(), lastError, failure);
    }

    private void promote() {
        Optional<Replacement> replacement = positions.promote(projection.name(), generation, owner);
        if (replacement.isEmpty()) {
            holdsLease = false;
            return;
        }
        serving = true;
        log.info("Projection '{}' generation {} caught up with the log and serves now", projection.name(),
                generation.number());
        retiredStorage.retire(projection, replacement.get().retired());
        wakeUp.signal(); // the supervisor closes the retired generation's runner at once
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
