package dev.attest.common.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * Keeps a trace going through work a service defers to a durable worker ({@code common/work}): the request or event
 * that makes an item due stores {@link #current()} with it (a {@code traceparent} column), and the worker handles the
 * item inside {@link #handling}, a span whose parent is that stored context. Whatever the handling calls (a
 * provider) or publishes (an event) then belongs to the trace of the request that asked for it, although it runs
 * later, on another thread, maybe in another replica.
 */
@ApplicationScoped
public class WorkSpans {
    /** The durable work that handled the item (its {@code DurableWork.name()}). */
    static final AttributeKey<String> WORK = AttributeKey.stringKey("attest.work");

    private final Tracer tracer;

    WorkSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The traceparent to store with an item made due now: the current span's, or null outside any trace. */
    public static String current() {
        return TraceParents.of(Context.current());
    }

    /**
     * Runs {@code handling}, a worker's handling of one item, in a span named {@code "<work> <what>"} whose parent
     * is the item's stored {@code traceparent} (a new trace when it has none: an item stored before tracing, or with
     * tracing off). A failure marks the span and is rethrown.
     */
    public <T> T handling(String work, String what, String traceparent, Supplier<T> handling) {
        Span span = tracer.spanBuilder(work + " " + what)
                .setParent(TraceParents.parentFrom(traceparent))
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(WORK, work)
                .startSpan();
        return Spans.runIn(span, handling::get);
    }

    /** {@link #handling(String, String, String, Supplier)} for handling that returns nothing. */
    public void handling(String work, String what, String traceparent, Runnable handling) {
        handling(work, what, traceparent, () -> {
            handling.run();
            return null;
        });
    }
}
