package dev.attest.gateway;

import static io.restassured.RestAssured.given;

import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without {@code attest.gateway.bench-echo} (its default), the echo endpoint does not exist. */
@QuarkusTest
@TestProfile(BenchEchoOffTest.EchoOff.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class BenchEchoOffTest {

    public static class EchoOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("attest.gateway.bench-echo", "false");
        }
    }

    @Test
    void isNotThereUnlessEnabled() {
        given().contentType("application/json")
                .body("{}")
                .post("/_bench/echo")
                .then()
                .statusCode(404);
    }
}
