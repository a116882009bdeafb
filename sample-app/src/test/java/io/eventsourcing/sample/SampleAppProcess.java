package io.eventsourcing.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The sample application in a JVM of its own, on a free port, so that a test can kill it outright as a crash
 * would. Its output goes to {@value #LOG} in its working directory, and is shown if it does not start.
 */
final class SampleAppProcess implements AutoCloseable {

    private static final String LOG = "sample-app.log";
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration EXIT = Duration.ofSeconds(30);

    private final Process process;
    private final SampleAppClient client;

    private SampleAppProcess(Process process, SampleAppClient client) {
        this.process = process;
        this.client = client;
    }

    /** Starts the application in the directory with the arguments, and returns once it answers HTTP. */
    static SampleAppProcess start(Path workingDirectory, List<String> arguments) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", // quicker to start: the test restarts it often, and needs no peak speed
                "-cp", System.getProperty("java.class.path"), SampleApplication.class.getName(),
                "--server.port=" + port));
        command.addAll(arguments);
        Path log = workingDirectory.resolve(LOG);
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SampleAppProcess app = new SampleAppProcess(process, new SampleAppClient(port));
        app.awaitAnswer(log);
        return app;
    }

    SampleAppClient client() {
        return client;
    }

    /** Kills the application and anything it started with SIGKILL, as a crash would, and waits until they are gone. */
    void kill() throws Exception {
        List<ProcessHandle> processes = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : processes) {
            handle.onExit().get(EXIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Stops the application as an operator would (SIGTERM), and waits until it has shut down. */
    void stop() throws Exception {
        process.destroy();
        if (!process.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS)) {
            kill();
            throw new AssertionError("The sample application did not stop within " + EXIT);
        }
    }

    @Override
    public void close() throws Exception {
        kill();
    }

    private void awaitAnswer(Path log) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (!client.answers()) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                kill();
                throw new AssertionError("The sample application did not answer within " + STARTUP + " (exit code "
                        + process.exitValue() + "); its output:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    /** A port that is free now; nothing else should take it before the application does. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
