package dev.attest.common.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Keeps spans in the process while no OTLP endpoint is configured. Quarkus' OTLP exporter is on by default and
 * would send every batch to {@code localhost:4317}, logging each failure when no collector listens there (the local
 * stack, the tests). Quarkus installs its OTLP exporter only when no {@link SpanExporter} bean can be looked up; this
 * one can be only while both endpoints keep Quarkus' default, so configuring either of them (e.g.
 * {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}) turns export on. Spans are still made, and their context still
 * travels over HTTP and through events, so a request's events carry its trace whether or not it is exported.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = NoCollector.QUARKUS_DEFAULT_ENDPOINT)
@LookupIfProperty(
        name = "quarkus.otel.exporter.otlp.traces.endpoint",
        stringValue = NoCollector.QUARKUS_DEFAULT_ENDPOINT)
public class NoCollector implements SpanExporter {
    /** Quarkus' default for both endpoints (OtlpExporterRuntimeConfig), which means "not configured" here. */
    static final String QUARKUS_DEFAULT_ENDPOINT = "http://localhost:4317/";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
