package dev.attest.testing;

import static dev.attest.testing.Waits.waitFor;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The spans a test application finished, kept in memory: an exporter bean, which Quarkus adds to the ones it exports
 * to (this jar is Jandex-indexed, so every service's tests have it). A test injects this bean, or the
 * {@link InMemorySpanExporter} itself, and reads a trace it started (a parent span, or a {@code traceparent} header).
 */
@ApplicationScoped
public class TestSpans {
    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return exporter;
    }

    /** The finished spans of trace {@code traceId}, in the order they were exported (the order they ended). */
    public List<SpanData> inTrace(String traceId) {
        return exporter.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId))
                .toList();
    }

    /** The first finished span that {@code matching} accepts, once one is exported; {@code what} names it. */
    public SpanData awaitSpan(String what, Predicate<SpanData> matching) {
        return waitFor(what)
                .until(
                        () -> exporter.getFinishedSpanItems().stream()
                                .filter(matching)
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /**
     * The client spans of {@code parent}'s trace, oldest first, once {@code parent} itself is exported: a test ends it
     * after the calls made under it, so none is missing.
     */
    public List<SpanData> clientSpansUnder(SpanContext parent) {
        waitFor("the span " + parent.getSpanId() + " exported").until(() -> inTrace(parent.getTraceId()).stream()
                .anyMatch(span -> span.getSpanId().equals(parent.getSpanId())));
        return clientSpansNow(parent.getTraceId());
    }

    /**
     * The client spans of a request's trace, oldest first, once its server span is exported: it ends after every
     * call made for the request (each retry among them), so none is missing.
     */
    public List<SpanData> clientSpansOfRequest(String traceId) {
        waitFor("the request's server span in trace " + traceId)
                .until(() -> inTrace(traceId).stream().anyMatch(span -> span.getKind() == SpanKind.SERVER));
        return clientSpansNow(traceId);
    }

    private List<SpanData> clientSpansNow(String traceId) {
        return inTrace(traceId).stream()
                .filter(span -> span.getKind() == SpanKind.CLIENT)
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .toList();
    }
}
