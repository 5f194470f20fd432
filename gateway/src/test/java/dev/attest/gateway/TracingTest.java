package dev.attest.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.gateway.support.RecordingUpstream;
import dev.attest.gateway.support.Tenants;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestSpans;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The gateway continues the caller's trace and hands it on to the service, through a span of its own. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RecordingUpstream.class)
class TracingTest {
    @Inject
    TestSpans spans;

    @Test
    void aRoutedRequestReachesTheServiceInTheCallersTraceAsAChildOfTheGatewaysSpan() {
        Tenants.Org org = Tenants.organization("admin-" + UUID.randomUUID());
        Tenants.IssuedKey key = Tenants.apiKey(org, Tenants.project(org, "sandbox"), "wallets:read");
        String traceId = randomHex(32);
        String callerSpan = randomHex(16);
        String uri = "/wallets/" + UUID.randomUUID();

        given().auth()
                .oauth2(key.key())
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .header("tracestate", "caller=kept")
                .get(uri)
                .then()
                .statusCode(201);

        RecordingUpstream.Received received = RecordingUpstream.lastAt(uri);
        assertForwardedInTrace(received, traceId, callerSpan);
        assertThat(received.headers().get("tracestate")).containsExactly("caller=kept");
    }

    @Test
    void aProviderWebhookReachesTheServiceInTheGatewaysTrace() {
        String uri = "/webhooks/persona/" + UUID.randomUUID();
        String traceId = randomHex(32);
        String callerSpan = randomHex(16);

        given().header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body("{}")
                .post(uri)
                .then()
                .statusCode(201);

        assertForwardedInTrace(RecordingUpstream.lastAt(uri), traceId, callerSpan);
    }

    @Test
    void aRequestWithoutTraceStartsOneThatTheServiceJoins() {
        String uri = "/webhooks/persona/" + UUID.randomUUID();

        given().body("{}").post(uri).then().statusCode(201);

        RecordingUpstream.Received received = RecordingUpstream.lastAt(uri);
        String[] traceparent = onlyTraceparent(received).split("-");
        SpanData forwarding = span(traceparent[1], traceparent[2]);
        assertThat(forwarding.getKind()).isEqualTo(SpanKind.CLIENT);
    }

    /**
     * The service got one traceparent: the caller's trace, with the gateway's forwarding span as parent, itself in
     * the gateway's server span for the request.
     */
    private void assertForwardedInTrace(RecordingUpstream.Received received, String traceId, String callerSpan) {
        String[] traceparent = onlyTraceparent(received).split("-");
        assertThat(traceparent[1]).as("the caller's trace id").isEqualTo(traceId);
        assertThat(traceparent[2])
                .as("the parent is a span of the gateway, not the caller's")
                .isNotEqualTo(callerSpan);

        SpanData forwarding = span(traceId, traceparent[2]);
        assertThat(forwarding.getKind()).isEqualTo(SpanKind.CLIENT);
        SpanData server = span(traceId, forwarding.getParentSpanId());
        assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(server.getParentSpanId()).isEqualTo(callerSpan);
    }

    private static String onlyTraceparent(RecordingUpstream.Received received) {
        List<String> values = received.headers().get("traceparent");
        assertThat(values).as("traceparent headers the service received").hasSize(1);
        return values.get(0);
    }

    private SpanData span(String traceId, String spanId) {
        return spans.awaitSpan(
                "span " + spanId + " of trace " + traceId,
                s -> s.getTraceId().equals(traceId) && s.getSpanId().equals(spanId));
    }

    private static String randomHex(int length) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < length) {
            hex.append(UUID.randomUUID().toString().replace("-", ""));
        }
        return hex.substring(0, length);
    }
}
