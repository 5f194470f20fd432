package dev.attest.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.attest.testing.AnvilResource;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An operator that cannot pay for issuance makes the service not ready (the node being up is not enough). */
@QuarkusTest
@TestProfile(ReadinessTest.PoorOperator.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(AnvilResource.class)
@WithTestResource(GatewayTokens.class)
class ReadinessTest {
    private static final String CHECK = "checks.find { it.name == 'EVM node and operator balance' }";

    /** Requires more than the 1000 ETH anvil gives the operator account. */
    public static class PoorOperator implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("attest.identity.min-operator-balance-wei", "1000000000000000000000000");
        }
    }

    @Test
    void anOperatorBalanceBelowTheMinimumMakesTheServiceNotReady() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(503)
                .body(CHECK + ".status", equalTo("DOWN"))
                .body(CHECK + ".data.chain_id", equalTo(1337))
                .body(CHECK + ".data.operator_balance_wei", notNullValue());
    }
}
