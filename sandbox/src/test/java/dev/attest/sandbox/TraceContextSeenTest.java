package dev.attest.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TraceContextSeenTest {
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void requestsToEachProvidersApiAreCountedWithThoseCarryingTraceContext() {
        JsonPath persona = seen("persona");
        JsonPath dfns = seen("dfns");

        given().get("/persona/api/v1/inquiries").then().statusCode(401);
        given().header("traceparent", TRACEPARENT)
                .get("/persona/api/v1/inquiries")
                .then()
                .statusCode(401);
        given().header("baggage", "user=someone").get("/dfns/wallets").then().statusCode(401);
        given().header("traceparent", TRACEPARENT)
                .delete("/dfns/_sandbox/faults")
                .then()
                .statusCode(204);

        assertThat(seen("persona").getLong("requests")).isEqualTo(persona.getLong("requests") + 2);
        assertThat(seen("persona").getLong("with_trace_context")).isEqualTo(persona.getLong("with_trace_context") + 1);
        assertThat(seen("dfns").getLong("requests"))
                .as("the scripting paths are not Dfns' API")
                .isEqualTo(dfns.getLong("requests") + 1);
        assertThat(seen("dfns").getLong("with_trace_context")).isEqualTo(dfns.getLong("with_trace_context") + 1);
    }

    private static JsonPath seen(String provider) {
        return given().get("/" + provider + "/_sandbox/trace-context")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
