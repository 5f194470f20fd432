package dev.attest.common.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.testing.ClientMetrics;
import dev.attest.testing.KafkaResource;
import dev.attest.testing.PostgresResource;
import dev.attest.testing.TestSpans;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Providers' HTTP exchanges: one client span without ids, no trace context sent, metrics by template, pinning. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(KafkaResource.class)
class ProviderHttpTest {
    private static final String PROVIDER = "stand-in";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SHORT = Duration.ofSeconds(5);

    @Inject
    ProviderHttp http;

    @Inject
    TestSpans spans;

    @Inject
    Tracer tracer;

    @TestHTTPResource("/test/provider")
    URL base;

    @Test
    void anExchangeIsOneClientSpanWithMethodHostAndStatusAndSendsNoTraceContext() throws IOException {
        String id = "thing-" + UUID.randomUUID();
        String secret = "sk_" + UUID.randomUUID();
        Span parent = tracer.spanBuilder("caller").startSpan();
        ProviderHttp.Answer answer;
        try (Scope ignored = parent.makeCurrent()) {
            answer = http.exchange(
                    get(id, "status=201&email=someone%40example.com").header("Authorization", "Bearer " + secret));
        } finally {
            parent.end();
        }

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.header("retry-after")).contains("1");
        JsonNode received = JSON.readTree(answer.body());
        assertThat(received.path("header_names").toString())
                .as("the provider receives no trace context")
                .doesNotContain("traceparent")
                .doesNotContain("tracestate")
                .doesNotContain("baggage")
                .contains("authorization");

        List<SpanData> exchanges = spans.clientSpansUnder(parent.getSpanContext());
        assertThat(exchanges).hasSize(1);
        SpanData span = exchanges.get(0);
        assertThat(span.getName()).isEqualTo(PROVIDER + " GET");
        assertThat(span.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
        assertThat(span.getAttributes().get(AttributeKey.stringKey("http.request.method")))
                .isEqualTo("GET");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("server.address")))
                .isEqualTo(base.getHost());
        assertThat(span.getAttributes().get(AttributeKey.longKey("server.port")))
                .isEqualTo((long) base.getPort());
        assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
                .isEqualTo(201L);
        assertThat(span.getAttributes().asMap().values())
                .as("no path id, query, header value or secret")
                .noneMatch(value -> value.toString().contains(id)
                        || value.toString().contains("someone")
                        || value.toString().contains(secret)
                        || value.toString().contains("/test/provider"));
    }

    @Test
    void theMetricsShowThePathsTemplateNeverItsIdsOrQuery() throws IOException {
        String id = "metered-" + UUID.randomUUID();
        http.exchange(get(id, "page_token=" + id));

        String metrics = ClientMetrics.scrape();
        assertThat(ClientMetrics.requestCounts(metrics, PROVIDER))
                .isNotEmpty()
                .allMatch(line -> line.contains("uri=\"/things/{id}\""));
        assertThat(metrics).doesNotContain(id);
    }

    @Test
    void theBodyIsSentByteForByte() throws IOException {
        byte[] body = "{ \"b\":1,  \"a\" : \"é\" }\n".getBytes(StandardCharsets.UTF_8);
        ProviderHttp.Answer answer = http.exchange(
                ProviderRequest.to(PROVIDER, "POST", base.toString(), ProviderPath.of("/things/{id}", "posted"))
                        .header("Content-Type", "application/json")
                        .body(body)
                        .timeouts(SHORT, SHORT));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(Base64.getDecoder()
                        .decode(JSON.readTree(answer.body()).path("body").asText()))
                .isEqualTo(body);
    }

    @Test
    void noAnswerWithinTheTimeoutIsAnIOExceptionAndAFailedSpan() {
        Span parent = tracer.spanBuilder("caller").startSpan();
        try (Scope ignored = parent.makeCurrent()) {
            assertThatThrownBy(() -> http.exchange(ProviderRequest.to(
                                    PROVIDER,
                                    "GET",
                                    base.toString(),
                                    ProviderPath.of("/things/{id}", "slow").withQuery("delay_ms=3000"))
                            .timeouts(SHORT, Duration.ofMillis(300))))
                    .isInstanceOf(IOException.class);
        } finally {
            parent.end();
        }

        SpanData span = spans.clientSpansUnder(parent.getSpanContext()).get(0);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type")))
                .isNotBlank();
        assertThat(span.getEvents()).as("no exception event").isEmpty();
    }

    @Test
    void aPinnedAddressIsWhereTheRequestGoesUnderItsOwnName() throws IOException {
        // A name that resolves nowhere: only the pinned address can answer.
        String named = "http://provider.invalid:" + base.getPort() + "/test/provider";
        ProviderHttp.Answer answer =
                http.exchange(ProviderRequest.to(PROVIDER, "GET", named, ProviderPath.of("/things/{id}", "pinned"))
                        .connectTo(InetAddress.getByName(base.getHost()))
                        .timeouts(SHORT, SHORT));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("host").asText()).isEqualTo("provider.invalid:" + base.getPort());
    }

    private ProviderRequest get(String id, String query) {
        return ProviderRequest.to(
                        PROVIDER,
                        "GET",
                        base.toString(),
                        ProviderPath.of("/things/{id}", id).withQuery(query))
                .timeouts(SHORT, SHORT);
    }
}
