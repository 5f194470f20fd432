package dev.attest.compliance.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The Persona check of the health group {@code providers}, with Persona (the in-process sandbox) up: it asks
 * Persona with the platform's configured key, and its answer is reused rather than asked for each probe.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class PersonaHealthTest {

    @Test
    void theProvidersGroupReportsPersonaReachableWithThePlatformKeyAccepted() {
        JsonPath first = providers(200);
        assertThat(first.getString("status")).isEqualTo("UP");
        assertThat(first.getString("checks.find { it.name == 'persona' }.data.persona"))
                .isEqualTo("reachable");
        assertThat(first.getString("checks.find { it.name == 'persona' }.data.credentials"))
                .isEqualTo("accepted");

        // A second probe within the cache's 30 s reuses the answer: Persona was asked once.
        JsonPath second = providers(200);
        assertThat(second.getString("checks.find { it.name == 'persona' }.data.checked_at"))
                .isEqualTo(first.getString("checks.find { it.name == 'persona' }.data.checked_at"));
    }

    @Test
    void readinessAndLivenessDoNotDependOnPersona() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("persona")));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", not(hasItem("persona")));
    }

    static JsonPath providers(int status) {
        return given().get("/q/health/group/" + PersonaHealthCheck.GROUP)
                .then()
                .statusCode(status)
                .extract()
                .jsonPath();
    }
}
