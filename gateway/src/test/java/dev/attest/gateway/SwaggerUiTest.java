package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI at /q/swagger-ui/ shows the whole public API: the merged document of /openapi.json (the gateway's
 * endpoints and the services' routed paths), not the gateway's own /q/openapi. On in tests and in the local stack;
 * {@link SwaggerUiOffTest} shows it is absent by default.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class SwaggerUiTest {
    private static final Pattern DOCUMENT_URL = Pattern.compile("SwaggerUIBundle\\(\\{\\s*url: '([^']+)'");

    @Test
    void swaggerUiShowsTheMergedPublicApiDocument() {
        String page = given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        assertThat(page).contains("<title>Attest public API</title>").contains("clientId: 'attest-web'");
        Matcher url = DOCUMENT_URL.matcher(page);
        assertThat(url.find()).as("the page names the document it shows").isTrue();
        assertThat(url.group(1)).isEqualTo("/openapi.json");

        given().get(url.group(1))
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Attest public API"))
                .body("paths", hasKey("/orgs/{org}/projects/{project}/api-keys"))
                .body("paths", hasKey("/wallets/{wallet_id}"))
                .body("paths", hasKey("/platform/persona/webhooks/refusals"));
        given().get("/q/swagger-ui/swagger-ui-bundle.js").then().statusCode(200);
    }
}
