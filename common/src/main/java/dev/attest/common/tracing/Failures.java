package dev.attest.common.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

/**
 * Marks a span failed with the exception's class only. Never {@code Span.recordException}: an exception's message
 * and stack may carry what must not leave the process (a provider's answer, a value from a request), and spans go
 * to a collector other people read.
 */
final class Failures {
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private Failures() {}

    static void failed(Span span, Throwable failure) {
        String type = failure.getClass().getName();
        span.setAttribute(ERROR_TYPE, type);
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    }
}
