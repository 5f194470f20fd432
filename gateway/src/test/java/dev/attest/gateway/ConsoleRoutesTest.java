package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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

/** The console's files, its routes and its runtime configuration, as a browser loads them. */
@QuarkusTest
@TestProfile(ConsoleRoutesTest.WithConsole.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class ConsoleRoutesTest {

    public static class WithConsole implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "attest.gateway.console.dir", "src/test/resources/console-fixture",
                    "attest.gateway.console.oidc-authority", "https://id.example.test/realms/attest",
                    "attest.gateway.console.persona-host", "persona.example.test",
                    "attest.gateway.console.signup-org", "acme");
        }
    }

    @Test
    void theRootAndThePrefixLeadToTheConsole() {
        given().redirects().follow(false).get("/").then().statusCode(302).header("Location", "/console/");
        given().redirects().follow(false).get("/console").then().statusCode(302).header("Location", "/console/");
        given().get("/console/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-cache")
                .header("X-Frame-Options", "DENY")
                .body(containsString("Attest console"));
    }

    @Test
    void theConsolesOwnRoutesAnswerItsPage() {
        given().get("/console/org/demo/reviews/1234")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Attest console"));
    }

    @Test
    void hashedAssetsAreKeptAndMissingOnesAreNotThePage() {
        given().get("/console/assets/app-3f2a.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .header("Cache-Control", containsString("max-age=31536000"));
        given().get("/console/assets/missing-0000.js").then().statusCode(404);
        given().get("/console/favicon.svg").then().statusCode(200).header("Cache-Control", "no-cache");
    }

    @Test
    void nothingOutsideTheConsolesDirectoryIsServed() {
        for (String path : new String[] {
            "/console/%2e%2e/pom.xml", "/console/assets/%2e%2e/%2e%2e/pom.xml", "/console/..%2fpom.xml"
        }) {
            given().urlEncodingEnabled(false).get(path).then().body(not(containsString("<modelVersion>")));
        }
    }

    @Test
    void theConfigurationNamesTheIssuerTheClientAndThePersonaHostAndNoSecret() {
        given().get("/console/config.json")
                .then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("oidc.authority", equalTo("https://id.example.test/realms/attest"))
                .body("oidc.client_id", equalTo("attest-web"))
                .body("persona.client_options.customHost", equalTo("persona.example.test"))
                .body("signup_org", equalTo("acme"))
                .body("chain.explorer_tx_url", nullValue());
    }

    @Test
    void theApiIsStillRoutedBesideTheConsole() {
        given().get("/orgs").then().statusCode(401);
    }
}
