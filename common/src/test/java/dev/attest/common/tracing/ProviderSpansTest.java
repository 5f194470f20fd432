package dev.attest.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderSpansTest {
    private static final URI CALL =
            URI.create("https://api.example.com/api/v1/inquiries/inq_123/approve?email=someone@example.com");

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider tracers = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported))
            .build();
    private final ProviderSpans spans = new ProviderSpans(tracers.get("test"));

    @AfterEach
    void close() {
        tracers.close();
    }

    @Test
    void anHttpCallIsAClientSpanWithMethodHostAndStatusButNoPathOrQuery() throws IOException {
        String answer = spans.http("persona", "POST", CALL, () -> {
            ProviderSpans.status(201);
            return "created";
        });

        assertThat(answer).isEqualTo("created");
        SpanData span = only();
        assertThat(span.getName()).isEqualTo("persona POST");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getAttributes().get(ProviderSpans.PROVIDER)).isEqualTo("persona");
        assertThat(span.getAttributes().get(ProviderSpans.METHOD)).isEqualTo("POST");
        assertThat(span.getAttributes().get(ProviderSpans.SERVER_ADDRESS)).isEqualTo("api.example.com");
        assertThat(span.getAttributes().get(ProviderSpans.SERVER_PORT)).isEqualTo(443L);
        assertThat(span.getAttributes().get(ProviderSpans.STATUS)).isEqualTo(201L);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(span.getAttributes().asMap().values())
                .noneMatch(value ->
                        value.toString().contains("inq_123") || value.toString().contains("@"));
    }

    @Test
    void aServerErrorMarksTheSpanFailed() throws IOException {
        spans.http("dfns", "GET", CALL, () -> {
            ProviderSpans.status(503);
            return null;
        });

        assertThat(only().getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void aFailedCallRecordsTheExceptionsTypeButNotItsMessage() {
        IOException failure = assertThrows(
                IOException.class,
                () -> spans.http("persona", "GET", CALL, () -> {
                    throw new IOException("answer quoted: api key sk_live_secret");
                }));

        assertThat(failure).hasMessageContaining("sk_live_secret"); // the caller still gets it whole
        SpanData span = only();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getAttributes().get(Failures.ERROR_TYPE)).isEqualTo(IOException.class.getName());
        assertThat(span.getEvents()).as("no exception event with the message").isEmpty();
        assertThat(span.getStatus().getDescription()).doesNotContain("sk_live_secret");
    }

    @Test
    void aJsonRpcCallIsNamedAfterItsMethod() {
        long chainId = spans.jsonRpc("evm-node", "eth_chainId", () -> 1337L);

        assertThat(chainId).isEqualTo(1337L);
        SpanData span = only();
        assertThat(span.getName()).isEqualTo("eth_chainId");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getAttributes().get(ProviderSpans.RPC_SYSTEM)).isEqualTo("jsonrpc");
        assertThat(span.getAttributes().get(ProviderSpans.RPC_METHOD)).isEqualTo("eth_chainId");
    }

    private SpanData only() {
        assertThat(exported.getFinishedSpanItems()).hasSize(1);
        return exported.getFinishedSpanItems().get(0);
    }
}
