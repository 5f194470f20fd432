package dev.attest.compliance.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.common.security.Roles;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Persona cannot be reached (its base URL is a port nobody listens on): the providers group says so, while
 * readiness stays UP, so the service stays in rotation; an admin's Test Connection answers the class
 * {@code unreachable} and nothing of the target.
 */
@QuarkusTest
@TestProfile(PersonaUnreachableTest.PersonaDown.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class PersonaUnreachableTest {

    public static class PersonaDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("attest.compliance.persona.base-url", "http://127.0.0.1:" + closedPort() + "/persona");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort(); // closed again at once: connections are refused
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theProvidersGroupIsDownWhileReadinessStaysUp() {
        JsonPath providers = PersonaHealthTest.providers(503);
        assertThat(providers.getString("status")).isEqualTo("DOWN");
        assertThat(providers.getString("checks.find { it.name == 'persona' }.data.persona"))
                .isEqualTo("unreachable");

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void testConnectionAnswersUnreachableAndNothingMore() {
        String org = "org-" + UUID.randomUUID();
        var admin = given().auth()
                .oauth2(GatewayTokens.user(org, "admin-of-" + org, Roles.ORG_ADMIN))
                .contentType("application/json");
        admin.body(Map.of(
                        "api_key",
                        "key_" + UUID.randomUUID().toString().replace("-", ""),
                        "webhook_secrets",
                        List.of("wbhsec_" + UUID.randomUUID())))
                .put("/orgs/" + org + "/integrations/persona")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(GatewayTokens.user(org, "admin-of-" + org, Roles.ORG_ADMIN))
                .contentType("application/json")
                .post("/orgs/" + org + "/integrations/persona/test")
                .then()
                .statusCode(200)
                .body("api_key.ok", equalTo(false))
                .body("api_key.result", equalTo("unreachable"))
                .body("api_key.detail", equalTo("Persona could not be reached or is failing; try again later."))
                .body("webhook_secret.ok", equalTo(true));
    }
}
