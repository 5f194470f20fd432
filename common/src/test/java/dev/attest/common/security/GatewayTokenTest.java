package dev.attest.common.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.common.problem.Problem;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class GatewayTokenTest {

    @Test
    void callerIsWhoTheGatewayTokenSays() {
        given().auth()
                .oauth2(GatewayTokens.user("org-a", "user-1", Roles.USER))
                .when()
                .get("/test/whoami")
                .then()
                .statusCode(200)
                .body("org_id", equalTo("org-a"))
                .body("subject", equalTo("user-1"));
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() {
        given().auth()
                .oauth2(GatewayTokens.forged("org-a", "user-1", Roles.USER))
                .when()
                .get("/test/whoami")
                .then()
                .statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void missingTokenIsRefused() {
        given().when().get("/test/whoami").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void missingRoleIsForbidden() {
        given().auth()
                .oauth2(GatewayTokens.user("org-a", "user-1", Roles.USER))
                .when()
                .get("/test/whoami/admin")
                .then()
                .statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://attest.dev/problems/forbidden"));
    }
}
