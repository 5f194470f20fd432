package dev.attest.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;

/** Runs work inside a started span: current while it runs, marked failed ({@link Failures}) if it throws, ended. */
final class Spans {
    private Spans() {}

    static <T, E extends Exception> T runIn(Span span, ProviderSpans.Call<T, E> work) throws E {
        try (Scope ignored = span.makeCurrent()) {
            return work.run();
        } catch (Exception | Error e) {
            Failures.failed(span, e);
            throw e;
        } finally {
            span.end();
        }
    }
}
