package io.eventsourcing.testing.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One real Apache Cassandra node, run by {@code org.apache.cassandra.service.CassandraDaemon} in a forked
 * Java 17 process on the class path that this module's build resolved (cassandra-all and its dependencies,
 * as Cassandra declares them). Its data lives under its own directory, so it can be killed and started
 * again with its data. Every node still running when the test JVM exits is killed.
 */
public final class CassandraNode {

    /** The server's JVM flags of Cassandra 5.0's {@code conf/jvm17-server.options}, without which it refuses to run. */
    private static final List<String> JVM17_OPTIONS = List.of(
            "-Djdk.attach.allowAttachSelf=true",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true");

    /** How long a node may take to accept CQL connections: 13-60 s on two busy cores. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final NodeSettings settings;
    private Process process;

    private CassandraNode(NodeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Starts a node and waits until it accepts CQL connections. */
    public static CassandraNode start(NodeSettings settings) {
        CassandraNode node = launch(settings);
        node.awaitReady();
        return node;
    }

    /** Starts a node without waiting for it: start several, then {@link #awaitReady()} each. */
    public static CassandraNode launch(NodeSettings settings) {
        CassandraNode node = new CassandraNode(settings);
        node.launch();
        return node;
    }

    public NodeSettings settings() {
        return settings;
    }

    /** The address and port of the node's CQL transport. */
    public InetSocketAddress contactPoint() {
        return new InetSocketAddress(settings.address(), settings.nativePort());
    }

    /** Kills the node at once (SIGKILL), as a crash would; its data stays for a restart. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts the killed node again on its data, without waiting: then {@link #awaitReady()}. */
    public synchronized void restart() {
        if (process != null) {
            throw new IllegalStateException("Node " + settings.address() + " is running");
        }
        launch();
    }

    /** Waits until the node accepts CQL connections; fails, with the end of its log, if it dies or takes too long. */
    public void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Process running;
            synchronized (this) {
                running = process;
            }
            if (running == null || !running.isAlive()) {
                throw new IllegalStateException("Cassandra node " + settings.address() + " stopped while starting:\n"
                        + logTail());
            }
            if (acceptsConnections()) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("Cassandra node " + settings.address() + " did not accept CQL connections within "
                + START_TIMEOUT + ":\n" + logTail());
    }

    private synchronized void launch() {
        try {
            Path directory = settings.directory();
            Files.createDirectories(directory);
            Path yaml = directory.resolve("cassandra.yaml");
            Files.writeString(yaml, settings.yaml());
            Path logback = directory.resolve("logback.xml");
            copyResource("logback-server.xml", logback);
            List<String> command = new ArrayList<>();
            command.add(JavaRuntime.java17().toString());
            command.addAll(List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "-Xss512k"));
            command.addAll(JVM17_OPTIONS);
            command.addAll(List.of(
                    "-Dcassandra.config=" + yaml.toUri(),
                    "-Dcassandra-foreground=yes",
                    "-Dcassandra.storagedir=" + directory.resolve("data"),
                    "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                    "-Dcassandra.ring_delay_ms=1000",
                    "-Dlogback.configurationFile=" + logback.toUri(),
                    "-cp", ServerClassPath.get(),
                    "org.apache.cassandra.service.CassandraDaemon"));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("node.log").toFile()))
                    .start();
            RunningNodes.killOnExit(directory, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Cassandra node " + settings.address(), e);
        }
    }

    /** Whether the node accepts connections on its CQL port now. */
    public boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(contactPoint(), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(settings.directory().resolve("node.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = CassandraNode.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("Missing resource " + name);
            }
            Files.write(target, in.readAllBytes());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Cassandra", e);
        }
    }
}
