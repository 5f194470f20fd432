package dev.attest.e2e.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.e2e.Settings;
import dev.attest.e2e.auth.Keycloak;
import dev.attest.e2e.http.HttpJson;
import dev.attest.e2e.http.Reply;
import dev.attest.e2e.probe.Waiting;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sign-in detector against the stack's real Keycloak: failed password sign-ins are stored by the realm as
 * {@code LOGIN_ERROR} events, read by the gateway through Keycloak's admin API with the monitor's service account,
 * and raise (or grow) one incident for their source address, which a platform admin sees.
 */
@ExtendWith(TheStack.class)
class SecurityMonitoringSystemTest {
    private static final int FAILURES = 12;
    /** The test talks to Keycloak from this machine's loopback address. */
    private static final String SUBJECT = "source:127.0.0.1";

    @Test
    void failedSignInsRaiseOneIncidentForTheirSource(LocalStack stack) {
        Settings settings = stack.settings();
        HttpJson http = new HttpJson();
        String platformAdmin = new Keycloak(settings, http)
                .signIn("platform-admin", "platform-admin")
                .accessToken();
        long before = signalsOfOpenIncident(http, settings, platformAdmin).orElse(0L);

        String guessed = "nobody-" + UUID.randomUUID();
        for (int i = 0; i < FAILURES; i++) {
            Reply refused = http.postForm(
                    settings.oidcUrl() + "/protocol/openid-connect/token",
                    null,
                    Map.of(
                            "grant_type",
                            "password",
                            "client_id",
                            settings.oidcClientId(),
                            "username",
                            guessed,
                            "password",
                            "wrong-" + i));
            // Keycloak answers a wrong password invalid_grant (400 in Keycloak 26, 401 before)
            assertThat(refused.status()).isIn(400, 401);
            assertThat(refused.body()).contains("invalid_grant");
        }

        long after = Waiting.until(
                "an open sign-in incident for " + SUBJECT + " with the " + FAILURES + " failures",
                Duration.ofSeconds(90),
                () -> signalsOfOpenIncident(http, settings, platformAdmin).filter(n -> n >= before + FAILURES));

        assertThat(after).isGreaterThanOrEqualTo(before + FAILURES);
        JsonNode incidents = http.get(
                        settings.gatewayUrl() + "/platform/incidents?detector=sign-in&status=open", platformAdmin)
                .expect(200)
                .json();
        long open = 0;
        for (JsonNode incident : incidents) {
            if (SUBJECT.equals(incident.path("subject").asText())) {
                open++;
                assertThat(incident.path("severity").asText()).isEqualTo("medium");
                assertThat(incident.path("evidence").path("error").has("user_not_found"))
                        .isTrue();
                assertThat(incident.toString()).doesNotContain(guessed);
            }
        }
        assertThat(open).as("one open incident per attack").isOne();
    }

    private static Optional<Long> signalsOfOpenIncident(HttpJson http, Settings settings, String token) {
        JsonNode incidents = http.get(settings.gatewayUrl() + "/platform/incidents?detector=sign-in&status=open", token)
                .expect(200)
                .json();
        for (JsonNode incident : incidents) {
            if (SUBJECT.equals(incident.path("subject").asText())) {
                return Optional.of(incident.path("signal_count").asLong());
            }
        }
        return Optional.empty();
    }
}
