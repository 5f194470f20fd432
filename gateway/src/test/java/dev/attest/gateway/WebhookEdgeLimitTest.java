package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.common.problem.Problem;
import dev.attest.gateway.support.FromAddress;
import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Provider webhooks carry nothing the gateway can check, so it limits them per source address and organization,
 * and per source address, in memory, before anything is forwarded: a refusal is a 429 problem with {@code
 * Retry-After} (a provider retries later) and never reaches the service. The test profile's limits: 5 deliveries
 * per source and organization, 100 per source, neither refilling while the tests run. Each test sends from
 * loopback addresses of its own ({@link FromAddress}).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class WebhookEdgeLimitTest {
    private static final int PER_ORGANIZATION = 5;
    private static final int PER_SOURCE = 100;

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void deliveriesOverTheLimitOfASourceInAnOrganizationAreRefusedBeforeTheService() {
        FromAddress source = FromAddress.newSource();
        String flooded = "/webhooks/dfns/" + UUID.randomUUID();
        for (int i = 0; i < PER_ORGANIZATION; i++) {
            assertThat(source.post(gateway, flooded, "{}").status()).isEqualTo(201);
        }

        FromAddress.Answer refused = source.post(gateway, flooded, "{}");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
        assertThat(refused.body()).contains("https://attest.dev/problems/rate-limited");
        assertThat(refused.header("Retry-After")).hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds))
                .isPositive());
        assertThat(refused.header("RateLimit-Limit")).contains(Integer.toString(PER_ORGANIZATION));
        assertThat(RecordingUpstream.receivedAt(flooded))
                .hasSize(PER_ORGANIZATION)
                .allSatisfy(received ->
                        assertThat(received.header("X-Forwarded-For")).contains(source.address()));
        // the same source for another organization, and another source for this one, are other buckets
        String otherOrganization = "/webhooks/persona/" + UUID.randomUUID();
        assertThat(source.post(gateway, otherOrganization, "{}").status()).isEqualTo(201);
        assertThat(FromAddress.newSource().post(gateway, flooded, "{}").status())
                .isEqualTo(201);
        assertThat(RecordingUpstream.receivedAt(flooded)).hasSize(PER_ORGANIZATION + 1);
    }

    @Test
    void namingEverNewOrganizationsGainsNothing() {
        FromAddress source = FromAddress.newSource();
        String prefix = "/webhooks/persona/spray-" + UUID.randomUUID() + "-";
        for (int i = 0; i < PER_SOURCE; i++) {
            assertThat(source.post(gateway, prefix + i, "{}").status())
                    .as("delivery " + i)
                    .isEqualTo(201);
        }

        FromAddress.Answer refused = source.post(gateway, prefix + "one-more", "{}");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(RecordingUpstream.receivedAt(prefix + "one-more")).isEmpty();
        // other senders are not held up
        String elsewhere = "/webhooks/dfns/" + UUID.randomUUID();
        given().body("{}").post(elsewhere).then().statusCode(201);
        assertThat(FromAddress.newSource()
                        .post(gateway, prefix + "one-more", "{}")
                        .status())
                .isEqualTo(201);
    }
}
