package dev.attest.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The provider ports beside a main port that is a fixed number, as in the local stack (every port fixed) and
 * in services' tests that fix theirs (with "any free port" for the providers): all of them open, and the
 * HTTP metrics of the servers do not clash.
 */
@QuarkusTest
@TestProfile(ProviderOriginsBesideAFixedPortTest.FixedPorts.class)
class ProviderOriginsBesideAFixedPortTest {
    // The profile and the test live in different class loaders: the chosen ports travel as system properties.
    private static final String MAIN = "provider-origins-test.main-port";
    private static final String PERSONA = "provider-origins-test.persona-port";

    public static class FixedPorts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            if (System.getProperty(MAIN) == null) {
                System.setProperty(MAIN, String.valueOf(freePort()));
                System.setProperty(PERSONA, String.valueOf(freePort()));
            }
            return Map.of(
                    "quarkus.http.test-port", System.getProperty(MAIN),
                    "sandbox.origins.dfns-port", "0",
                    "sandbox.origins.persona-port", System.getProperty(PERSONA));
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    ProviderOrigins origins;

    @Test
    void everyPortOpensAndTheMetricsOfTheirServersDoNotClash() {
        assertThat(RestAssured.port).isEqualTo(Integer.parseInt(System.getProperty(MAIN)));
        assertThat(origins.personaPort()).hasValue(Integer.parseInt(System.getProperty(PERSONA)));
        assertThat(origins.dfnsPort()).isPresent();

        given().port(origins.dfnsPort().getAsInt())
                .get("/wallets")
                .then()
                .statusCode(401)
                .body("error.status", equalTo(401));
        given().port(origins.personaPort().getAsInt()).get("/preload").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }
}
