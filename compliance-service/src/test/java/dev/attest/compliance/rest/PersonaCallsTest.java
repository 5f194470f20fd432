package dev.attest.compliance.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attest.compliance.support.TestOrg;
import dev.attest.testing.ClientMetrics;
import dev.attest.testing.GatewayTokens;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Calls to Persona as a trace and the metrics show them: one client span per HTTP exchange (each retry its own),
 * with the method, host, port and status and nothing else of the request; no trace context sent to Persona; the
 * {@code http.client.requests} meters by path template.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(GatewayTokens.class)
class PersonaCallsTest {
    private static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("attest.provider");
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> HOST = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    @Inject
    TestSpans spans;

    @TestHTTPResource("/")
    URL service;

    @Test
    void eachPersonaExchangeIsOneClientSpanWithMethodHostAndStatusAndNoIdOrSecret() {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        String created = newTraceId();
        JsonPath started =
                start(org, user, created).then().statusCode(200).extract().jsonPath();
        String resumed = newTraceId();
        start(org, user, resumed).then().statusCode(200);

        SpanData create = onlyClientSpan(created);
        SpanData resume = onlyClientSpan(resumed);
        for (SpanData span : List.of(create, resume)) {
            assertThat(span.getName()).isEqualTo("persona POST");
            assertThat(span.getAttributes().get(PROVIDER)).isEqualTo("persona");
            assertThat(span.getAttributes().get(METHOD)).isEqualTo("POST");
            assertThat(span.getAttributes().get(HOST)).isEqualTo(service.getHost());
            assertThat(span.getAttributes().get(PORT)).isEqualTo((long) service.getPort());
            assertThat(span.getAttributes().get(STATUS)).isBetween(200L, 299L);
            assertThat(span.getAttributes().asMap().values())
                    .as("no path with its ids, no credential, no personal data")
                    .noneMatch(value -> value.toString().contains(started.getString("persona_inquiry_id"))
                            || value.toString().contains(started.getString("case_id"))
                            || value.toString().contains(org.apiKey())
                            || value.toString().contains(user)
                            || value.toString().contains("/inquiries"));
        }
        assertThat(traceContextSeenByPersona().getLong("requests")).isPositive();
        assertThat(traceContextSeenByPersona().getLong("with_trace_context"))
                .as("requests that reached the Persona sandbox with traceparent, tracestate or baggage")
                .isZero();
    }

    @Test
    void a503IsRetriedWithTheSameRequestAndEachAttemptIsASpan() {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        org.scriptFaults(1, 503);
        String traceId = newTraceId();

        String caseId =
                start(org, user, traceId).then().statusCode(200).extract().path("case_id");

        List<SpanData> attempts = spans.clientSpansOfRequest(traceId);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).getAttributes().get(STATUS)).isEqualTo(503L);
        assertThat(attempts.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(attempts.get(1).getAttributes().get(STATUS)).isBetween(200L, 299L);
        assertThat(given().auth()
                        .oauth2(org.apiKey())
                        .queryParam("filter[reference-id]", caseId)
                        .get("/persona/api/v1/inquiries")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("data"))
                .hasSize(1);
        assertThat(traceContextSeenByPersona().getLong("with_trace_context")).isZero();
    }

    @Test
    void personaCallsAreMeasuredByPathTemplateNeverByTheirIds() {
        TestOrg org = TestOrg.create("none");
        String user = "user-" + UUID.randomUUID();
        String inquiryId =
                start(org, user, newTraceId()).then().statusCode(200).extract().path("persona_inquiry_id");
        start(org, user, newTraceId()).then().statusCode(200); // resumes the inquiry: its id is in the path

        String metrics = ClientMetrics.scrape();
        List<String> persona = ClientMetrics.requestCounts(metrics, "persona");
        assertThat(persona)
                .anyMatch(line -> line.contains("uri=\"/inquiries\"") && line.contains("method=\"POST\""))
                .anyMatch(line -> line.contains("uri=\"/inquiries/{inquiry-id}/resume\""));
        assertThat(metrics).doesNotContain(inquiryId);
    }

    private static io.restassured.response.Response start(TestOrg org, String user, String traceId) {
        return org.user(user)
                .header("traceparent", "00-" + traceId + "-" + newTraceId().substring(0, 16) + "-01")
                .contentType("application/json")
                .body(Map.of("user_id", user, "document_type", "passport"))
                .post("/compliance/kyc");
    }

    private SpanData onlyClientSpan(String traceId) {
        List<SpanData> found = spans.clientSpansOfRequest(traceId);
        assertThat(found).as("client spans in trace " + traceId).hasSize(1);
        return found.get(0);
    }

    private static JsonPath traceContextSeenByPersona() {
        return given().get("/persona/_sandbox/trace-context")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
