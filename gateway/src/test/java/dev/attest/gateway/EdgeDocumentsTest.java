package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class EdgeDocumentsTest {

    @Test
    void publicApiDocumentJoinsTheGatewaysEndpointsWithTheRoutedPathsOfTheServices() {
        given().get("/openapi.json")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Attest public API"))
                .body("paths", hasKey("/orgs/{org}/projects/{project}/api-keys"))
                .body("paths", hasKey("/wallets/{wallet_id}"))
                .body("paths", hasKey("/orgs/{org}/transfer-approvals/{transfer_id}/approve"))
                .body("paths", hasKey("/orgs/{org}/users/{user_id}/wallet/retry"))
                .body("paths", hasKey("/platform/persona/webhooks/refusals"))
                .body("paths", not(hasKey("/internal/reindex")))
                .body("components.schemas", hasKey("Wallet"))
                .body("components.parameters.AttestProject.name", equalTo("Attest-Project"))
                .body("components.parameters.AttestProject.in", equalTo("header"))
                .body(
                        "paths.'/wallets/{wallet_id}'.parameters.'$ref'",
                        org.hamcrest.Matchers.hasItem("#/components/parameters/AttestProject"));
    }

    @Test
    void configuredFrontendOriginsMayCallTheApi() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .options("/orgs")
                .then()
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization,attest-project,traceparent")
                .options("/wallets/w1")
                .then()
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("attest-project"));
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/orgs")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
