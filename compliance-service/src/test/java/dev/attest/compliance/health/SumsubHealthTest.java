package dev.attest.compliance.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** The Sumsub check of the health group {@code providers}: it asks the in-process sandbox with the configured app. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class SumsubHealthTest {

    @Test
    void theProvidersGroupAsksSumsubWithThePlatformsAppAndReusesTheAnswer() {
        JsonPath first = PersonaHealthTest.providers(200);
        assertThat(first.getString("checks.find { it.name == 'sumsub' }.status"))
                .isEqualTo("UP");
        assertThat(first.getString("checks.find { it.name == 'sumsub' }.data.sumsub"))
                .isEqualTo("reachable");
        assertThat(first.getString("checks.find { it.name == 'sumsub' }.data.credentials"))
                .isEqualTo("accepted");
        assertThat(PersonaHealthTest.providers(200).getString("checks.find { it.name == 'sumsub' }.data.checked_at"))
                .isEqualTo(first.getString("checks.find { it.name == 'sumsub' }.data.checked_at"));
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", not(hasItem("sumsub")));
    }
}
