package dev.attest.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkSpansTest {
    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider tracers = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported))
            .build();
    private final Tracer tracer = tracers.get("test");
    private final WorkSpans spans = new WorkSpans(tracer);
    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void close() {
        worker.shutdownNow();
        tracers.close();
    }

    @Test
    void workHandledLaterOnAnotherThreadContinuesTheTraceThatMadeItDue() throws Exception {
        Span request = tracer.spanBuilder("request").startSpan();
        String stored;
        try (Scope ignored = request.makeCurrent()) {
            stored = WorkSpans.current();
        } finally {
            request.end();
        }

        // The worker's thread has no context of its own: only the stored traceparent links it.
        String published = worker.submit(() -> spans.handling(
                        "wallet-provisioning", "provision", stored, () -> TraceParents.of(Context.current())))
                .get();

        SpanData handling = named("wallet-provisioning provision");
        assertThat(handling.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
        assertThat(handling.getParentSpanId())
                .isEqualTo(request.getSpanContext().getSpanId());
        assertThat(handling.getAttributes().get(WorkSpans.WORK)).isEqualTo("wallet-provisioning");
        assertThat(TraceParents.traceId(published))
                .as("what the handling publishes")
                .isEqualTo(handling.getTraceId());
        assertThat(published).contains(handling.getSpanId());
    }

    @Test
    void workStoredWithoutATraceStartsOneOfItsOwn() {
        assertThat(WorkSpans.current()).as("outside any span").isNull();

        spans.handling("persona-webhooks", "apply", null, () -> {});

        SpanData handling = named("persona-webhooks apply");
        assertThat(handling.getParentSpanContext().isValid()).isFalse();
    }

    @Test
    void aFailedHandlingMarksTheSpanWithTheTypeOnlyAndRethrows() {
        IllegalStateException failure = assertThrows(
                IllegalStateException.class,
                () -> spans.handling("identity-issuance", "onboard", null, () -> {
                    throw new IllegalStateException("user 42's address 0xabc");
                }));

        assertThat(failure).hasMessageContaining("0xabc");
        SpanData handling = named("identity-issuance onboard");
        assertThat(handling.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(handling.getAttributes().get(Failures.ERROR_TYPE)).isEqualTo(IllegalStateException.class.getName());
        assertThat(handling.getEvents()).isEmpty();
    }

    private SpanData named(String name) {
        return exported.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + exported.getFinishedSpanItems()));
    }
}
