package io.eventsourcing.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.eventsourcing.infrastructure.ClassTopicResolver;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.jdbc.FlywaySchemaMigration;
import io.eventsourcing.infrastructure.jdbc.JdbcProjectionPositions;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import io.eventsourcing.projection.ProjectionStatus.State;
import io.eventsourcing.projection.RecordingProjection.Row;
import io.eventsourcing.testing.JdbcStores;
import io.eventsourcing.testing.TestDatabase;
import io.eventsourcing.testing.TestEvents.Renamed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** Projections on every database: exactly once, in log order, restartable, resettable, one instance at a time. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.class)
class ProjectionTests {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final ProjectionSettings FAST = new ProjectionSettings(7, Duration.ofMillis(900),
            Duration.ofMillis(50));
    private static final Generation FIRST = new Generation(1);

    @Parameter
    TestDatabase database;

    private DataSource dataSource;
    private EventStore eventStore;
    private JdbcProjectionPositions positions;
    private String viewTable;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final List<Projections> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        dataSource = JdbcStores.dataSource(database);
        eventStore = new EventStore(JdbcStores.newStore(database, SequencedItemTable.SEQUENCED_ITEMS),
                SequencedItemMapper.builder().topicResolver(new ClassTopicResolver(List.of(Renamed.class))).build());
        int number = TABLES.incrementAndGet();
        positions = new JdbcProjectionPositions(dataSource, "positions_" + number,
                new JdbcTransactionManager(dataSource));
        FlywaySchemaMigration.forProjections(dataSource, positions).migrate();
        viewTable = "view_" + number;
    }

    @AfterEach
    void stop() {
        started.forEach(Projections::close);
    }

    @Test
    void aProjectionFollowingEightWritersGetsEveryEventOnceInLogOrderAndEndsEqualToAReplay() throws Exception {
        RecordingProjection projection = projection();
        Projections projections = start(projection, "one");

        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                writes.add(writers.submit(() -> {
                    UUID id = UUID.randomUUID();
                    for (int version = 0; version < 40; version += 2) {
                        eventStore.append(List.of(renamed(id, version, "w"), renamed(id, version + 1, "w")));
                        projections.wakeUp();
                    }
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            writers.shutdownNow();
        }

        List<Row> replay = replay();
        assertThat(replay).hasSize(8 * 40);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(projection.rows(FIRST)).hasSize(replay.size()));
        assertThat(projection.rows(FIRST)).isEqualTo(replay);
        // the runner moves its position once the page's transaction has committed, just after the rows appear
        await().untilAsserted(() -> assertThat(statusOf(projections, 1).lag()).isZero());
    }

    @Test
    void aRestartedProjectionResumesWhereItStopped() {
        RecordingProjection projection = projection();
        Projections first = start(projection, "one");
        appendEvents(10, "before");
        await().untilAsserted(() -> assertThat(projection.rows(FIRST)).hasSize(10));
        first.close();

        appendEvents(5, "between");
        Projections second = start(projection, "two");
        appendEvents(5, "after");
        second.wakeUp();

        await().untilAsserted(() -> assertThat(projection.rows(FIRST)).hasSize(20));
        assertThat(projection.rows(FIRST)).isEqualTo(replay());
    }

    @Test
    void aFailingHandlerStopsItsProjectionAtThatEventWhileOthersGoOnUntilRetried() {
        RecordingProjection failing = projection();
        OtherProjection other = new OtherProjection(dataSource, viewTable + "_other", running, maxRunning);
        failing.failOn("poison");
        Projections projections = start(List.of(failing, other), "one");

        appendEvents(3, "fine");
        UUID poisoned = UUID.randomUUID();
        eventStore.append(renamed(poisoned, 0, "poison"));
        appendEvents(3, "later");
        projections.wakeUp();

        await().untilAsserted(() -> assertThat(statusOf(projections, "recording").state()).isEqualTo(State.STOPPED));
        await().untilAsserted(() -> assertThat(other.rows(FIRST)).hasSize(7));
        ProjectionStatus stopped = statusOf(projections, "recording");
        long poisonPosition = positionOf(poisoned);
        assertThat(stopped.lastError()).contains("position " + poisonPosition).contains(poisoned.toString())
                .contains("cannot project poison");
        assertThat(stopped.position()).isEqualTo(poisonPosition - 1);
        assertThat(failing.rows(FIRST)).extracting(Row::name).containsExactly("fine", "fine", "fine");

        failing.failOn("");
        projections.retry("recording");

        await().untilAsserted(() -> assertThat(failing.rows(FIRST)).hasSize(7));
        assertThat(failing.rows(FIRST)).isEqualTo(replay());
        assertThat(statusOf(projections, "recording").state()).isEqualTo(State.RUNNING);
        assertThat(statusOf(projections, "recording").lastError()).isNull();
    }

    @Test
    void aDatabaseFailureInAHandlerIsRetriedNotBlamedOnTheEvent() {
        RecordingProjection projection = projection();
        projection.failOnce(new TransientDataAccessResourceException("connection lost"));
        Projections projections = start(projection, "one");

        appendEvents(5, "event");
        projections.wakeUp();

        await().untilAsserted(() -> assertThat(projection.rows(FIRST)).hasSize(5));
        assertThat(projection.rows(FIRST)).isEqualTo(RecordingProjection.replay(eventStore));
        assertThat(statusOf(projections, 1).state()).isEqualTo(State.RUNNING);
    }

    @Test
    void aResetAndABlueGreenRebuildGiveTheSameView() {
        RecordingProjection projection = projection();
        Projections projections = start(projection, "one");
        appendEvents(30, "event");
        await().untilAsserted(() -> assertThat(projection.rows(FIRST)).hasSize(30));
        List<Row> view = projection.rows(FIRST);

        projection.pause(100); // 3 s to build the new generation: the old one serves meanwhile
        Generation building = projections.rebuild("recording");
        assertThat(building).isEqualTo(new Generation(2));
        await().untilAsserted(() -> assertThat(projection.exists(building)).isTrue());
        assertThat(projections.servingGeneration("recording")).isEqualTo(FIRST);
        assertThat(projection.rows(FIRST)).isEqualTo(view);
        projection.pause(0);

        await().untilAsserted(() -> assertThat(projections.servingGeneration("recording")).isEqualTo(building));
        assertThat(projection.rows(building)).isEqualTo(view);
        assertThat(projection.exists(FIRST)).as("kept for queries that read it just before the swap").isTrue();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(projection.exists(FIRST)).isFalse());

        Generation reset = projections.reset("recording");
        assertThat(reset).isEqualTo(new Generation(3));
        assertThat(projections.servingGeneration("recording")).isEqualTo(reset);
        await().ignoreExceptions().untilAsserted(() -> assertThat(projection.rows(reset)).hasSize(30));
        assertThat(projection.rows(reset)).isEqualTo(view);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(projection.exists(building)).isFalse());
    }

    @Test
    void twoInstancesNeverRunOneProjectionAtTheSameTimeAndTheSecondTakesOver() {
        RecordingProjection projection = projection();
        projection.pause(3);
        Projections first = start(projection, "first");
        Projections second = start(projection(), "second");
        appendEvents(60, "event");
        first.wakeUp();

        await().untilAsserted(() -> assertThat(projection.rows(FIRST)).hasSize(60));
        assertThat(List.of(statusOf(first, 1).state(), statusOf(second, 1).state()))
                .containsExactlyInAnyOrder(State.RUNNING, State.STANDBY);
        Projections holder = statusOf(first, 1).state() == State.RUNNING ? first : second;
        Projections standby = holder == first ? second : first;

        holder.close();
        appendEvents(20, "after");
        standby.wakeUp();

        await().untilAsserted(() -> assertThat(projection.rows(FIRST)).hasSize(80));
        assertThat(projection.rows(FIRST)).isEqualTo(replay());
        assertThat(statusOf(standby, 1).state()).isEqualTo(State.RUNNING);
        assertThat(maxRunning.get()).isEqualTo(1);
    }

    @Test
    void badProjectionsAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> new Projections(eventStore, positions, List.of(new Object()), FAST, "one"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not annotated with @Projection");
        assertThatThrownBy(() -> new Projections(eventStore, positions, List.of(projection(), projection()), FAST,
                "one")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Two projections are named 'recording'");
        Projections projections = new Projections(eventStore, positions, List.of(projection()), FAST, "one");
        assertThatThrownBy(() -> projections.reset("missing")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No projection is named 'missing'").hasMessageContaining("recording");
    }

    /** Another projection, to show that projections run apart. */
    @Projection("other")
    static class OtherProjection extends RecordingProjection {

        OtherProjection(DataSource dataSource, String base, AtomicInteger running, AtomicInteger maxRunning) {
            super(dataSource, base, running, maxRunning);
        }
    }

    private RecordingProjection projection() {
        return new RecordingProjection(dataSource, viewTable, running, maxRunning);
    }

    private Projections start(Object projection, String owner) {
        return start(List.of(projection), owner);
    }

    private Projections start(List<?> beans, String owner) {
        Projections projections = new Projections(eventStore, positions, beans, FAST, owner);
        started.add(projections);
        projections.start();
        return projections;
    }

    private void appendEvents(int count, String name) {
        for (int i = 0; i < count; i++) {
            eventStore.append(renamed(UUID.randomUUID(), 0, name));
        }
    }

    private static Renamed renamed(UUID id, long version, String name) {
        return new Renamed(id, version, Instant.now(), name);
    }

    /** The view a projection should end with: every event of the log, in log order. */
    private List<Row> replay() {
        return RecordingProjection.replay(eventStore);
    }

    private long positionOf(UUID originator) {
        return eventStore.getActiveRecordStrategy().getStoredItems(0, Integer.MAX_VALUE).stream()
                .filter(stored -> stored.item().sequenceId().equals(originator)).findFirst().orElseThrow()
                .storagePosition();
    }

    private static ProjectionStatus statusOf(Projections projections, int generation) {
        return projections.statuses().stream().filter(status -> status.generation() == generation).findFirst()
                .orElseThrow();
    }

    private static ProjectionStatus statusOf(Projections projections, String name) {
        return projections.statuses().stream().filter(status -> status.name().equals(name)).findFirst()
                .orElseThrow();
    }
}
