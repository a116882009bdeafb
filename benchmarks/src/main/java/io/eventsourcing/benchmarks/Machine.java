package io.eventsourcing.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** What the benchmarks run on, as the report states it: the CPU, the JVM and the load average. */
final class Machine {

    private Machine() {
    }

    /** "CPU model, n processors, OS version". */
    static String describe() {
        return cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " processors, "
                + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    /** "JVM version, max heap, GC, options". */
    static String describeJvm() {
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", max heap "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MiB, GC "
                + ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                        .collect(Collectors.joining(", "))
                + ", options: " + (options.isEmpty() ? "none" : String.join(" ", options));
    }

    /** The load averages over 1, 5 and 15 minutes, from {@code /proc/loadavg}. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
