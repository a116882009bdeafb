package io.eventsourcing.projection;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.StoredItem;
import io.eventsourcing.infrastructure.jdbc.FlywaySchemaMigration;
import io.eventsourcing.infrastructure.jdbc.JdbcDialect;
import io.eventsourcing.infrastructure.jdbc.SequencedItemTable;
import io.eventsourcing.projection.ProjectionPositions.TrackedGeneration;
import io.eventsourcing.projection.RecordingProjection.Row;
import io.eventsourcing.testing.ConnectionDetails;
import io.eventsourcing.testing.TestDatabase;
import io.eventsourcing.testing.TestEvents.Renamed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A projection killed outright (SIGKILL) in the middle of a page, in a JVM of its own, resumes without loss or
 * duplication of its effects: the events it had handled since its last commit are rolled back with its position,
 * and applied again once by the next instance. Prints its figures, one line per database.
 */
class ProjectionCrashTests {

    private static final int EVENTS = 300;
    private static final int PAGE = OtherJvmProjection.SETTINGS.pageSize();
    /** The events of the log (counted from 1) that the instances are killed handling, each halfway through a page. */
    private static final List<Integer> KILLED_HANDLING = List.of(PAGE + PAGE / 2, 3 * PAGE + PAGE / 2);
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final Generation FIRST = new Generation(1);

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aProjectionKilledInTheMiddleOfAPageResumesWithoutLossOrDuplicationOfItsEffects(TestDatabase database)
            throws Exception {
        ConnectionDetails details = database.newSharedConnectionDetails();
        List<Row> replay;
        List<Long> logPositions;
        try (HikariDataSource dataSource = details.newDataSource()) {
            new FlywaySchemaMigration(dataSource, SequencedItemTable.SEQUENCED_ITEMS, JdbcDialect.of(dataSource))
                    .migrate();
            FlywaySchemaMigration.forProjections(dataSource, OtherJvmProjection.positions(dataSource)).migrate();
            EventStore eventStore = OtherJvmProjection.eventStore(dataSource);
            eventStore.append(IntStream.range(0, EVENTS)
                    .mapToObj(i -> new Renamed(UUID.randomUUID(), 0, Instant.now(), "event " + i)).toList());
            replay = RecordingProjection.replay(eventStore);
            logPositions = eventStore.getActiveRecordStrategy().getStoredItems(0, Integer.MAX_VALUE).stream()
                    .map(StoredItem::storagePosition).toList();
        }
        assertThat(replay).hasSize(EVENTS);

        StringBuilder figures = new StringBuilder("Projection crash test on " + database + ":");
        int committed = 0;
        for (int killedHandling : KILLED_HANDLING) {
            List<String> handled = handleUntilKilled(details, "instance-" + killedHandling, committed, killedHandling);
            assertThat(handled).as("the events the instance handled: the log's, from its last committed page on")
                    .isEqualTo(originators(replay.subList(committed, committed + handled.size())));
            int resumedAt = committed;
            try (HikariDataSource dataSource = details.newDataSource()) {
                List<Row> view = OtherJvmProjection.projection(dataSource).rows(FIRST);
                committed = view.size();
                assertThat(committed % PAGE).as("rows committed at the kill, in whole pages").isZero();
                assertThat(committed).as("rows committed at the kill: more than at the start, fewer than handled")
                        .isGreaterThan(resumedAt).isLessThan(resumedAt + handled.size());
                assertThat(view).isEqualTo(replay.subList(0, committed));
                assertThat(position(dataSource)).isEqualTo(logPositions.get(committed - 1));
            }
            figures.append(" killed after handling events ").append(resumedAt + 1).append(" to ")
                    .append(resumedAt + handled.size()).append(", ").append(committed).append(" rows committed;");
        }

        try (HikariDataSource dataSource = details.newDataSource()) {
            RecordingProjection projection = OtherJvmProjection.projection(dataSource);
            long last = logPositions.get(EVENTS - 1);
            try (Projections projections = OtherJvmProjection.projections(dataSource, projection, "survivor")) {
                projections.start();
                await().atMost(TIMEOUT).until(() -> position(dataSource) == last);
            }
            assertThat(projection.rows(FIRST)).isEqualTo(replay);
            assertThat(position(dataSource)).isEqualTo(last);
            figures.append(" then ").append(projection.rows(FIRST).size()).append(" rows for ").append(EVENTS)
                    .append(" events");
        }
        System.out.println(figures);
    }

    /**
     * Runs the projection in another JVM from the given number of committed rows, kills it with SIGKILL while it
     * handles the given event of the log, and returns the originators of the events it handled.
     */
    private static List<String> handleUntilKilled(ConnectionDetails details, String owner, int committed,
                                                  int killedHandling) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OtherJvmProjection.class.getName(), details.url(),
                details.username(), details.password(), owner).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)).lines().forEach(lines::add));
            reader.start();
            List<String> handled = new ArrayList<>();
            while (handled.size() < killedHandling - committed) {
                String line = lines.poll(TIMEOUT.toMillis(), MILLISECONDS);
                if (line == null) {
                    fail(owner + " handled " + handled.size() + " events in " + TIMEOUT + "; alive: "
                            + process.isAlive());
                }
                handled.add(line);
            }
            process.destroyForcibly();
            assertThat(process.waitFor(TIMEOUT.toMillis(), MILLISECONDS)).isTrue();
            assertThat(process.exitValue()).as("exit status of a JVM killed by SIGKILL").isEqualTo(128 + 9);
            reader.join(TIMEOUT.toMillis());
            lines.drainTo(handled);
            return handled;
        } finally {
            process.destroyForcibly();
        }
    }

    private static long position(DataSource dataSource) {
        List<TrackedGeneration> generations = OtherJvmProjection.positions(dataSource).generations("recording");
        assertThat(generations).extracting(TrackedGeneration::generation).containsExactly(FIRST);
        return generations.get(0).position();
    }

    private static List<String> originators(List<Row> rows) {
        return rows.stream().map(Row::originatorId).toList();
    }
}
