package dev.attest.gateway.monitoring;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.work.DurableWork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Reads Keycloak's failed sign-ins ({@code LOGIN_ERROR} events, which the realm stores when its events are enabled)
 * from Keycloak's admin API with a service account that may only view events, and counts each as a signal of its
 * source address, in the bucket of the event's time. One replica at a time; where it has read up to (the newest
 * event's time and the ids at that time) is kept in {@code security_cursor}, in the transaction that adds the
 * signals, so each event counts once whatever crashes. The first pass starts one detector window back.
 */
@ApplicationScoped
public class KeycloakSignIns implements DurableWork {
    static final String NAME = "keycloak-sign-ins";
    /** Arbitrary constant naming this poller's advisory lock in the gateway's database. */
    private static final long LOCK = 0x6b6579636c6f616bL;

    private static final int PAGE = 100;
    private static final int MAX_PAGES = 20;
    /** Keycloak's own JSON (camel case), not the platform's snake case. */
    private static final ObjectMapper KEYCLOAK_JSON = new ObjectMapper();

    private final MonitoringConfig config;
    private final SignalStore signals;
    private final DataSource dataSource;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    KeycloakSignIns(MonitoringConfig config, SignalStore signals, DataSource dataSource) {
        this.config = config;
        this.signals = signals;
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration pollInterval() {
        return config.keycloak().pollInterval();
    }

    @Override
    public OptionalLong exclusiveLock() {
        return OptionalLong.of(LOCK);
    }

    @Override
    public Pass runPass() {
        MonitoringConfig.Keycloak keycloak = config.keycloak();
        if (keycloak.url().isEmpty() || keycloak.clientSecret().isEmpty()) {
            return Pass.NOTHING;
        }
        Cursor cursor = cursor().orElseGet(
                        () -> new Cursor(Instant.now().minus(signInWindow()).toEpochMilli(), Set.of()));
        List<SignInFailure> fresh = newSince(cursor);
        if (fresh.isEmpty()) {
            return Pass.NOTHING;
        }
        long newest = fresh.stream().mapToLong(SignInFailure::time).max().getAsLong();
        Set<String> idsAtNewest = new HashSet<>();
        fresh.stream().filter(e -> e.time() == newest).forEach(e -> idsAtNewest.add(e.id()));
        if (newest == cursor.time()) {
            idsAtNewest.addAll(cursor.ids());
        }
        List<SignalStore.SignalCount> counts = fresh.stream()
                .map(failure -> new SignalStore.SignalCount(
                        Detector.SIGN_IN,
                        Subjects.source(failure.ipAddress() == null ? "unknown" : failure.ipAddress()),
                        SecuritySignals.bucketOf(Instant.ofEpochMilli(failure.time())),
                        null,
                        null,
                        1,
                        Map.of(
                                "user", Map.of(failure.userId() == null ? "unknown" : failure.userId(), 1L),
                                "error", Map.of(failure.error() == null ? "unknown" : failure.error(), 1L))))
                .toList();
        QuarkusTransaction.requiringNew().run(() -> {
            signals.add(counts);
            saveCursor(new Cursor(newest, idsAtNewest));
        });
        return new Pass(fresh.size(), false);
    }

    private Duration signInWindow() {
        MonitoringConfig.Rule rule = config.detectors().get(Detector.SIGN_IN.id());
        return rule == null ? Duration.ofMinutes(10) : rule.window();
    }

    /** The failures after the cursor, newest first as Keycloak lists them, page by page until the cursor. */
    private List<SignInFailure> newSince(Cursor cursor) {
        MonitoringConfig.Keycloak keycloak = config.keycloak();
        String day = LocalDate.ofInstant(Instant.ofEpochMilli(cursor.time()), ZoneOffset.UTC)
                .toString();
        List<SignInFailure> fresh = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            URI uri = URI.create(keycloak.url().get() + "/admin/realms/" + encode(keycloak.realm())
                    + "/events?type=LOGIN_ERROR&dateFrom=" + day + "&first=" + page * PAGE + "&max=" + PAGE);
            List<SignInFailure> listed = get(uri);
            boolean reachedCursor = false;
            for (SignInFailure failure : listed) {
                if (failure.time() > cursor.time()
                        || (failure.time() == cursor.time() && !cursor.ids().contains(failure.id()))) {
                    fresh.add(failure);
                } else {
                    reachedCursor = true;
                }
            }
            if (reachedCursor || listed.size() < PAGE) {
                break;
            }
        }
        return fresh;
    }

    private List<SignInFailure> get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            tokenExpires = Instant.EPOCH; // taken again next pass: the account's roles may have changed since
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to the events query");
        }
        try {
            return KEYCLOAK_JSON.readValue(response.body(), new TypeReference<List<SignInFailure>>() {});
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's events are not the JSON expected", e);
        }
    }

    /** The service account's access token (client credentials), taken again shortly before it expires. */
    private String token() {
        if (token != null && Instant.now().isBefore(tokenExpires)) {
            return token;
        }
        MonitoringConfig.Keycloak keycloak = config.keycloak();
        String form = "grant_type=client_credentials&client_id=" + encode(keycloak.clientId()) + "&client_secret="
                + encode(keycloak.clientSecret().get());
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.url().get() + "/realms/"
                        + encode(keycloak.realm()) + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "Keycloak refused the security monitor's credentials (" + response.statusCode() + ")");
        }
        try {
            TokenResponse issued = KEYCLOAK_JSON.readValue(response.body(), TokenResponse.class);
            token = issued.access_token();
            tokenExpires = Instant.now().plusSeconds(Math.max(0, issued.expires_in() - 10));
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's token answer is not the JSON expected", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading Keycloak's events", e);
        }
    }

    private Optional<Cursor> cursor() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("select position from security_cursor where name = ?")) {
            query.setString(1, NAME);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(Cursor.parse(row.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the sign-in events' cursor", e);
        }
    }

    private void saveCursor(Cursor cursor) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("insert into security_cursor (name, position)"
                        + " values (?, ?) on conflict (name) do update set position = excluded.position")) {
            upsert.setString(1, NAME);
            upsert.setString(2, cursor.format());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save the sign-in events' cursor", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Read up to: the newest event's time (epoch ms) and the ids of the events at that time. */
    record Cursor(long time, Set<String> ids) {
        static Cursor parse(String position) {
            String[] parts = position.split(" ", 2);
            Set<String> ids = parts.length < 2 || parts[1].isEmpty() ? Set.of() : Set.of(parts[1].split(","));
            return new Cursor(Long.parseLong(parts[0]), ids);
        }

        String format() {
            return time + " " + String.join(",", ids);
        }
    }

    /** A {@code LOGIN_ERROR} event as Keycloak's admin API lists it (its JSON is camel case). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SignInFailure(String id, long time, String userId, String ipAddress, String error) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(String access_token, long expires_in) {}
}
