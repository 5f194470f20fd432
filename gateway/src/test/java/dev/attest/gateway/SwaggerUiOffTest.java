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

/**
 * Without {@code quarkus.swagger-ui.enabled} (false in the prod profile: containers and Kubernetes), Swagger UI is
 * not served; the document it would show still is.
 */
@QuarkusTest
@TestProfile(SwaggerUiOffTest.SwaggerUiOff.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class SwaggerUiOffTest {

    public static class SwaggerUiOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.swagger-ui.enabled", "false");
        }
    }

    @Test
    void isNotServedUnlessEnabled() {
        given().get("/q/swagger-ui/").then().statusCode(404);
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(404);
        given().get("/openapi.json").then().statusCode(200);
    }
}
