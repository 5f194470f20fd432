package dev.attest.e2e.system;

import dev.attest.e2e.Settings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole platform as separate processes, started and stopped with the project's own launcher
 * ({@code ./attest up --no-build}, {@code ./attest down}) in a home of its own under {@code target/}, so
 * the system test runs exactly what an operator runs. Every piece's log stays in that home's
 * {@code logs/} for a failed run. The services export their spans to a {@link TraceCollector} of the tests'
 * (OTLP, configured as an operator would, by environment). With {@code ATTEST_SYSTEM_TEST_STACK=running} the tests
 * use a stack that is already up (a developer's) and neither start nor stop it; its spans are not collected.
 */
final class LocalStack implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private static final long UP_TIMEOUT_MINUTES = 15;

    private final Path root;
    private final Path home;
    private final boolean owned;
    private final TraceCollector traces;

    private LocalStack(Path root, Path home, boolean owned, TraceCollector traces) {
        this.root = root;
        this.home = home;
        this.owned = owned;
        this.traces = traces;
    }

    static LocalStack start() throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath().getParent();
        if ("running".equals(System.getenv("ATTEST_SYSTEM_TEST_STACK"))) {
            return new LocalStack(root, root.resolve(".attest"), false, null);
        }
        Path home = root.resolve("e2e/target/system-stack");
        LocalStack stack = new LocalStack(root, home, true, TraceCollector.start());
        try {
            stack.launcher("up", "--no-build");
        } catch (IOException | InterruptedException | RuntimeException e) {
            // `up` stops what it started when a piece fails, but not after a failed last step: leave nothing behind.
            stack.close();
            throw e;
        }
        return stack;
    }

    Settings settings() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("ATTEST_SECRETS_DIR", home.resolve("secrets").toString());
        return Settings.fromEnvironment(env);
    }

    /** SIGKILL, as a crashed machine or an OOM kill would: no shutdown hook, no drain. */
    void kill(String piece) throws IOException, InterruptedException {
        String pid =
                Files.readString(home.resolve("run/" + piece + ".pid")).trim().split("\\s+")[0];
        Process kill = new ProcessBuilder("kill", "-9", pid).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -9 " + pid + " (" + piece + ") failed");
        }
    }

    /** Starts again whatever is not running, and waits until all is healthy. */
    void restartMissing() throws IOException, InterruptedException {
        launcher("up", "--no-build");
    }

    /** The spans the services exported, when the tests started the stack (a running one exports elsewhere). */
    Optional<TraceCollector> traces() {
        return Optional.ofNullable(traces);
    }

    /** The repository's root, where {@code ./attest} and the modules are. */
    Path root() {
        return root;
    }

    /** The launcher's home of this stack ({@code ATTEST_HOME}): logs, data, secrets. */
    Path home() {
        return home;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // once, from whichever comes first: the test run's end (JUnit) or a failed start
        if (owned) {
            try {
                launcher("down");
            } finally {
                traces.close();
            }
        }
    }

    private void launcher(String... args) throws IOException, InterruptedException {
        List<String> command =
                new java.util.ArrayList<>(List.of("bash", root.resolve("attest").toString()));
        command.addAll(List.of(args));
        Files.createDirectories(home);
        File log = home.resolve("launcher.log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        builder.environment().put("ATTEST_HOME", home.toString());
        // A busy CI machine starts Keycloak slowly; the launcher's own limits are for a developer's laptop.
        builder.environment().putIfAbsent("ATTEST_START_TIMEOUT", "600");
        if (traces != null) {
            // OTLP export, as docs/observability.md tells an operator; spans handed over every second.
            builder.environment().put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint());
            builder.environment().put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
            builder.environment().put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s");
        }
        Process process = builder.start();
        if (!process.waitFor(UP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("./attest " + String.join(" ", args) + " did not finish; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("./attest " + String.join(" ", args) + " exited " + process.exitValue()
                    + ":\n" + tail(log.toPath()));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
