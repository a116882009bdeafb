package io.eventsourcing.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample application, killed outright (SIGKILL) again and again while {@value #WRITERS} clients write to it
 * over HTTP, loses no acknowledged write, leaves no aggregate half-saved, no gap in any history and nothing stored
 * twice: on its default H2 file and on PostgreSQL. Prints its figures, one line per database.
 */
class CrashRecoveryTests {

    private static final int CYCLES = 10;
    private static final int WRITERS = 8;
    /** The master key the application runs with, given so that the audit can read the personal data it stored. */
    private static final String MASTER_KEY = EncryptedEventsTest.KEY;

    @TempDir
    private Path directory;

    /** The application running now, if any. */
    private SampleAppProcess app;

    @AfterEach
    void killApplication() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest
    @EnumSource(CrashDatabase.class)
    void killsLoseNoAcknowledgedWrite(CrashDatabase crashDatabase) throws Exception {
        CrashDatabase.Setup database = crashDatabase.prepare(directory);
        List<String> arguments = new ArrayList<>(database.arguments());
        arguments.add("--eventsourcing.cipher.key=" + MASTER_KEY);
        List<WriterLog> logs = new ArrayList<>();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            app = SampleAppProcess.start(directory, arguments);
            logs.addAll(writeUntilKilled("cycle" + cycle));
        }
        app = SampleAppProcess.start(directory, arguments);
        Map<UUID, Long> served = servedVersions(logs);
        app.stop();

        Map<UUID, List<StoredRow>> stored = StoredRow.readAll(database.database(), MASTER_KEY);
        CrashAudit.Findings findings = CrashAudit.audit(logs, stored);
        System.out.println("Crash test on " + crashDatabase + ": " + CYCLES + " kills, " + findings);
        assertSoftly(softly -> {
            softly.assertThat(findings.acknowledged()).as("acknowledged writes").isGreaterThan(CYCLES * WRITERS);
            softly.assertThat(findings.lost()).as("acknowledged writes lost").isZero();
            softly.assertThat(findings.partial()).as("entities saved in part").isZero();
            softly.assertThat(findings.duplicated()).as("events stored twice or unasked").isZero();
            softly.assertThat(findings.gapped()).as("sequences with gaps").isZero();
        });
        Map<UUID, Long> storedVersions = served.keySet().stream()
                .collect(Collectors.toMap(id -> id, id -> (long) stored.getOrDefault(id, List.of()).size()));
        assertThat(served).as("versions the restarted application serves").isEqualTo(storedVersions);
    }

    /** Lets the writers write for 1 to 1.5 s, kills the application as they write, and returns their logs. */
    private List<WriterLog> writeUntilKilled(String cycle) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<WriterLog>> writers = IntStream.range(0, WRITERS)
                    .mapToObj(writer -> threads.submit(new EntityWriter(app.client(), cycle + "-writer" + writer)))
                    .toList();
            Thread.sleep(ThreadLocalRandom.current().nextLong(1000, 1500));
            app.kill();
            List<WriterLog> logs = new ArrayList<>();
            for (Future<WriterLog> writer : writers) {
                logs.add(writer.get(1, TimeUnit.MINUTES));
            }
            return logs;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The version at which the running application serves each entity a writer was told of. */
    private Map<UUID, Long> servedVersions(List<WriterLog> logs) {
        Map<UUID, Long> served = new HashMap<>();
        for (WriterLog log : logs) {
            for (Write write : log.acknowledged()) {
                served.computeIfAbsent(write.entityId(), id -> app.client().servedVersion(write.kind(), id));
            }
        }
        return served;
    }
}
