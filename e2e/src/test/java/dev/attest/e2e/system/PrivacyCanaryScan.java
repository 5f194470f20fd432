package dev.attest.e2e.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Looks for a canary, a unique string a test put into a person's documents and forms in the browser, everywhere the
 * platform keeps anything: every table of every service's database (each row as text, and the canary's bytes in hex,
 * as PostgreSQL prints {@code bytea}), and every file under the stack's home (the services' and servers' logs, Kafka's
 * log segments, which the producers do not compress, arlocal's database, which holds what was stored on Arweave).
 * Zero PII means the canary is found nowhere: only ciphertext left the browser.
 */
final class PrivacyCanaryScan {
    /**
     * Not scanned as files: PostgreSQL's data directory (read through SQL above, where compressed values are
     * readable), the launcher's secrets (keys, never data), the servers' distributions and Keycloak's accounts
     * ({@code infra}: what a person typed at sign-up is the identity provider's), and the sandbox's log, which plays
     * the provider: what a user hands to Persona is Persona's to keep.
     */
    private static final List<String> SKIPPED = List.of("postgres", "secrets", "infra", "logs/sandbox.log");

    private final LocalStack stack;

    PrivacyCanaryScan(LocalStack stack) {
        this.stack = stack;
    }

    /** Where the canary was found, one line per place; empty when it is nowhere. */
    List<String> placesHolding(String canary) throws SQLException, IOException {
        List<String> places = new ArrayList<>();
        for (String database : databases()) {
            places.addAll(tablesHolding(database, canary));
        }
        places.addAll(filesHolding(canary));
        return places;
    }

    private List<String> databases() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = connect("postgres");
                PreparedStatement query =
                        connection.prepareStatement("select datname from pg_database where datname like 'attest\\_%'");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private List<String> tablesHolding(String database, String canary) throws SQLException {
        List<String> places = new ArrayList<>();
        String hex = HexFormat.of().formatHex(canary.getBytes(StandardCharsets.UTF_8));
        try (Connection connection = connect(database)) {
            for (String table : tables(connection)) {
                // table names come from the catalog, quoted by PostgreSQL itself
                try (PreparedStatement query = connection.prepareStatement("select count(*) from " + table
                                + " t where strpos(t::text, ?) > 0 or strpos(lower(t::text), ?) > 0");
                        ResultSet rows = bind(query, canary, hex).executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        places.add("database " + database + ", table " + table + ": " + rows.getLong(1) + " rows");
                    }
                }
            }
        }
        return places;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                        "select format('%I.%I', table_schema, table_name) from information_schema.tables"
                                + " where table_type = 'BASE TABLE'"
                                + " and table_schema not in ('pg_catalog', 'information_schema')");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static PreparedStatement bind(PreparedStatement query, String canary, String hex) throws SQLException {
        query.setString(1, canary);
        query.setString(2, hex);
        return query;
    }

    private List<String> filesHolding(String canary) throws IOException {
        byte[] needle = canary.getBytes(StandardCharsets.UTF_8);
        Path home = stack.home();
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> SKIPPED.stream()
                            .noneMatch(skipped -> home.relativize(file).startsWith(skipped)))
                    .filter(file -> contains(file, needle))
                    .map(file -> "file " + home.relativize(file))
                    .toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                return false; // a log rotated or a segment deleted while the walk went by
            }
            throw new UncheckedIOException(e);
        }
        outer:
        for (int i = 0; i <= content.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (content[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), "postgres", "postgres");
    }
}
