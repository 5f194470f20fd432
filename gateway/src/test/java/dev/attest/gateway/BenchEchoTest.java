package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** The benchmark's baseline endpoint, enabled in the test profile as the local stack enables it. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class BenchEchoTest {

    @Test
    void answersWithTheBodyItWasSentWithoutAuthenticationOrAnUpstream() {
        String body = "{\"data\":{\"type\":\"event\",\"id\":\"evt_bench\"}}";
        byte[] answer = given().contentType("application/json")
                .body(body)
                .post("/_bench/echo")
                .then()
                .statusCode(200)
                .header("Content-Type", equalTo("application/json"))
                .extract()
                .asByteArray();

        assertThat(new String(answer, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(RecordingUpstream.receivedAt("/_bench/echo")).isEmpty();
    }

    @Test
    void refusesABodyOverTheGatewaysLimit() {
        given().contentType("application/octet-stream")
                .body(new byte[2 * 1024 * 1024])
                .post("/_bench/echo")
                .then()
                .statusCode(413);
    }
}
