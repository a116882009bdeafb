package io.eventsourcing.infrastructure.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.eventsourcing.infrastructure.SequencedItem;
import io.eventsourcing.testing.AbstractActiveRecordStrategyTests;
import io.eventsourcing.testing.ConnectionDetails;
import io.eventsourcing.testing.RacingWriter;
import io.eventsourcing.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Optimistic concurrency holds across JVMs: a second JVM races this one's threads on the same sequences
 * of a shared database, and no position is stored twice or skipped.
 */
class CrossProcessConcurrencyTest {

    private static final int ATTEMPTS = 150;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"SQLITE", "POSTGRESQL", "MARIADB"})
    void writersInTwoJvmsNeverBranchASequence(TestDatabase database) throws Exception {
        ConnectionDetails details = database.newConnectionDetails();
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(details.url());
            dataSource.setUsername(details.username());
            dataSource.setPassword(details.password());
            JdbcDialect dialect = JdbcDialect.of(dataSource);
            new FlywaySchemaMigration(dataSource, SequencedItemTable.SEQUENCED_ITEMS, dialect).migrate();
            JdbcActiveRecordStrategy store = new JdbcActiveRecordStrategy(dataSource);
            List<UUID> sequences = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();

            Process otherJvm = startOtherJvm(details, sequences);
            List<SequencedItem> accepted = new ArrayList<>();
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(otherJvm.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(output.readLine()).isEqualTo("ready");
                accepted.addAll(raceHere(store, sequences));
                List<SequencedItem> fromOtherJvm = output.lines().map(line -> line.split("\t", 3))
                        .map(fields -> new SequencedItem(UUID.fromString(fields[0]), Long.parseLong(fields[1]),
                                "test.Race", fields[2].getBytes(StandardCharsets.UTF_8)))
                        .toList();
                assertThat(otherJvm.waitFor(2, TimeUnit.MINUTES)).isTrue();
                assertThat(otherJvm.exitValue()).isZero();
                assertThat(fromOtherJvm).isNotEmpty();
                accepted.addAll(fromOtherJvm);
            } finally {
                otherJvm.destroyForcibly();
            }

            AbstractActiveRecordStrategyTests.assertRaceHistory(store, sequences, accepted);
        }
    }

    private static List<SequencedItem> raceHere(JdbcActiveRecordStrategy store, List<UUID> sequences)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<RacingWriter>> races = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                RacingWriter writer = new RacingWriter(store, sequences, "this-jvm-" + thread);
                races.add(threads.submit(() -> writer.race(ATTEMPTS)));
            }
            List<SequencedItem> accepted = new ArrayList<>();
            for (Future<RacingWriter> race : races) {
                accepted.addAll(race.get().accepted());
            }
            return accepted;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Process startOtherJvm(ConnectionDetails details, List<UUID> sequences) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OtherJvmRacingWriter.class.getName(),
                details.url(), details.username(), details.password(), "sequenced_items",
                String.valueOf(ATTEMPTS * 4)));
        sequences.forEach(id -> command.add(id.toString()));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
