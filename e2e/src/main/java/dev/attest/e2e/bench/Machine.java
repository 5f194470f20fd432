package dev.attest.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine a benchmark ran on, in one line: CPUs, memory, OS, Java. */
final class Machine {
    private Machine() {}

    static String describe() {
        String cpu = procLine("/proc/cpuinfo", "model name").orElse("unknown CPU");
        String memory = procLine("/proc/meminfo", "MemTotal")
                .map(kb -> String.format("%.1f GiB", Long.parseLong(kb.replaceAll("\\D", "")) / 1048576.0))
                .orElse("? GiB");
        return String.format(
                "%d CPUs (%s), %s RAM, %s %s, Java %s",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                memory,
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("java.version"));
    }

    private static Optional<String> procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(line -> line.startsWith(key))
                    .findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
