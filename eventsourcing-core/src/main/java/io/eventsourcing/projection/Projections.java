package io.eventsourcing.projection;

import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.StoredItem;
import io.eventsourcing.projection.ProjectionPositions.Replacement;
import io.eventsourcing.projection.ProjectionPositions.TrackedGeneration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an application's projections: each generation of each projection on a thread of its own while this
 * instance holds it, a supervisor that follows resets and rebuilds made by any instance, and the operations
 * on them. Thread-safe.
 */
public final class Projections implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    private final EventStore eventStore;
    private final ProjectionPositions positions;
    private final ProjectionSettings settings;
    private final String owner;
    private final Map<String, RegisteredProjection> projections;
    private final Map<String, Map<Integer, ProjectionRunner>> runners = new ConcurrentHashMap<>();
    private final Map<ProjectionRunner, Thread> threads = new ConcurrentHashMap<>();
    private final WakeUp wakeUp = new WakeUp();
    private final RetiredStorage retiredStorage = new RetiredStorage();
    private volatile boolean running;
    private @Nullable Thread supervisor;

    /**
     * The projections of the given beans, each annotated with {@link Projection}.
     *
     * @param owner names this instance of the application among those that share the database
     * @throws IllegalArgumentException naming a bean that is not a valid projection, or a name used twice
     */
    public Projections(EventStore eventStore, ProjectionPositions positions, List<?> beans,
                       ProjectionSettings settings, String owner) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.positions = Objects.requireNonNull(positions, "positions");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.projections = beans.stream().map(RegisteredProjection::of).collect(Collectors.toMap(
                RegisteredProjection::name, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException("Two projections are named '" + a.name() + "': "
                            + a.bean().getClass().getName() + " and " + b.bean().getClass().getName());
                }, LinkedHashMap::new));
    }

    /** Starts the projections; they run until {@link #close()}. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        supervisor = new Thread(this::supervise, "projections-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    /** Whether the projections run. */
    public boolean isRunning() {
        return running;
    }

    /** The names of the projections. */
    public List<String> names() {
        return List.copyOf(projections.keySet());
    }

    /** Tells the projections that new events may be in the log, so that they read it now. */
    public void wakeUp() {
        wakeUp.signal();
    }

    /** What each generation of each projection is doing on this instance, by name and generation. */
    public List<ProjectionStatus> statuses() {
        long last = eventStore.getActiveRecordStrategy().getLastStoredItem().map(StoredItem::storagePosition)
                .orElse(0L);
        List<ProjectionStatus> statuses = new ArrayList<>();
        for (String name : projections.keySet()) {
            List<ProjectionRunner> generations = List.copyOf(runners.getOrDefault(name, Map.of()).values());
            if (generations.isEmpty()) {
                positions.generations(name).forEach(tracked -> statuses.add(new ProjectionStatus(name,
                        tracked.generation().number(), tracked.serving(), ProjectionStatus.State.STANDBY,
                        tracked.position(), Math.max(0, last - tracked.position()), null)));
            }
            generations.stream().sorted(Comparator.comparingInt(runner -> runner.generation().number()))
                    .forEach(runner -> statuses.add(runner.status(last)));
        }
        return statuses;
    }

    /** The generation of a projection that queries read. */
    public Generation servingGeneration(String name) {
        return positions.servingGeneration(require(name).name());
    }

    /**
     * Starts a projection again from the beginning of the log, in a new generation that serves at once: its view
     * is empty, then fills. The old generations' storage is dropped after a grace period. Needs a projection that implements
     * {@link ViewGenerations}, whose storage a new generation starts empty.
     */
    public Generation reset(String name) {
        RegisteredProjection projection = requireGenerations(name, "reset");
        Replacement replacement = positions.reset(name);
        projection.views().orElseThrow().create(replacement.serving());
        retiredStorage.retire(projection, replacement.retired());
        refresh(projection);
        wakeUp();
        log.info("Projection '{}' was reset: generation {} starts from the beginning of the log", name,
                replacement.serving().number());
        return replacement.serving();
    }

    /**
     * Rebuilds a projection from the beginning of the log in a new generation, while the serving one stays in
     * use; once the new one has caught up, it serves instead, and the old one's storage is dropped. Needs a
     * projection that implements {@link ViewGenerations}.
     */
    public Generation rebuild(String name) {
        RegisteredProjection projection = requireGenerations(name, "rebuilt");
        Generation building = positions.rebuild(name);
        refresh(projection);
        wakeUp();
        return building;
    }

    /** Lets the stopped generations of a projection on this instance try their failed event again. */
    public void retry(String name) {
        require(name);
        runners.getOrDefault(name, Map.of()).values().forEach(ProjectionRunner::retry);
        wakeUp();
    }

    /** Stops every projection, releasing what this instance holds, and waits for them up to their lease. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        supervisor.interrupt();
        runners.values().forEach(generations -> generations.values().forEach(ProjectionRunner::close));
        wakeUp();
        join(supervisor);
        threads.values().forEach(this::join);
        retiredStorage.drop(true);
        threads.clear();
        runners.clear();
    }

    private void supervise() {
        while (running) {
            for (RegisteredProjection projection : projections.values()) {
                try {
                    refresh(projection);
                } catch (RuntimeException e) {
                    log.warn("Reading the generations of projection '{}' failed; trying again", projection.name(), e);
                }
            }
            retiredStorage.drop(false);
            wakeUp.await(settings.lease().dividedBy(3));
        }
    }

    /** Starts a runner for each generation of a projection that has none, and closes those of retired ones. */
    private synchronized void refresh(RegisteredProjection projection) {
        if (!running) {
            return;
        }
        Map<Integer, ProjectionRunner> generations = runners.computeIfAbsent(projection.name(),
                name -> new ConcurrentHashMap<>());
        List<TrackedGeneration> tracked = positions.generations(projection.name());
        List<Integer> current = tracked.stream().map(generation -> generation.generation().number()).toList();
        generations.entrySet().removeIf(entry -> {
            boolean retired = !current.contains(entry.getKey());
            if (retired) {
                entry.getValue().close();
                wakeUp.signal();
                join(threads.remove(entry.getValue()));
            }
            return retired;
        });
        for (TrackedGeneration generation : tracked) {
            ProjectionRunner runner = generations.get(generation.generation().number());
            if (runner != null) {
                runner.serving(generation.serving());
                continue;
            }
            runner = new ProjectionRunner(projection, generation, eventStore, positions, settings, owner, wakeUp,
                    retiredStorage);
            Thread thread = new Thread(runner, "projection-" + projection.name() + "-" + generation.generation()
                    .number());
            thread.setDaemon(true);
            generations.put(generation.generation().number(), runner);
            threads.put(runner, thread);
            thread.start();
        }
    }

    /**
     * @throws IllegalStateException if the projection keeps no generations, so that events applied again would
     *                               land on its current view
     */
    private RegisteredProjection requireGenerations(String name, String operation) {
        RegisteredProjection projection = require(name);
        if (projection.views().isEmpty()) {
            throw new IllegalStateException("Projection '" + name + "' cannot be " + operation + ": "
                    + projection.bean().getClass().getSimpleName() + " does not implement ViewGenerations, so a new "
                    + "generation would apply the log again to the view it has");
        }
        return projection;
    }

    private RegisteredProjection require(String name) {
        RegisteredProjection projection = projections.get(name);
        if (projection == null) {
            throw new IllegalArgumentException("No projection is named '" + name + "'; the projections are "
                    + projections.keySet());
        }
        return projection;
    }

    private void join(@Nullable Thread thread) {
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(settings.lease().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Projections" + projections.keySet();
    }
}
