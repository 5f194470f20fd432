package dev.attest.common.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * W3C {@code traceparent} values, as the CloudEvents distributed-tracing extension carries them: written into an
 * outbox row and sent as {@code ce_traceparent}, read back by the consumer. W3C on purpose, whatever propagators
 * HTTP is configured with: the event's attribute is defined as a W3C trace context.
 */
public final class TraceParents {
    static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParents() {}

    /** The traceparent of the span in {@code context}, or null when there is no valid one (no trace, tracing off). */
    public static String of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * A context whose parent is the remote span {@code traceparent} names; the root context (a new trace) when it
     * is null or malformed. Never the caller's current context: a consumer's thread may hold a context left over
     * from unrelated work, and an event belongs to the trace that produced it.
     */
    public static Context parentFrom(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), Map.of(TRACEPARENT, traceparent), GETTER);
    }

    /** The trace id in {@code traceparent} (its second field), or null. Handy in logs and tests. */
    public static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        List<String> fields = List.of(traceparent.split("-"));
        return fields.size() == 4 ? fields.get(1) : null;
    }
}
