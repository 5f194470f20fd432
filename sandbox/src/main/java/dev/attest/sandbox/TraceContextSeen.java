package dev.attest.sandbox;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the providers' APIs receive trace context. Attest must not send its trace to a third party (no W3C
 * {@code traceparent} or {@code tracestate}, no {@code baggage}), and a real provider cannot tell us what it received:
 * the sandbox counts each request to Persona's API ({@code /persona/api/...}) and to Dfns' ({@code /dfns/...} but its
 * scripting), and those that carried any of these headers. {@code GET /persona/_sandbox/trace-context} and
 * {@code GET /dfns/_sandbox/trace-context} answer {@code {requests, with_trace_context}} since the sandbox started.
 */
@ApplicationScoped
public class TraceContextSeen {
    private static final List<String> TRACE_HEADERS = List.of("traceparent", "tracestate", "baggage");

    private final Seen persona = new Seen();
    private final Seen dfns = new Seen();

    private static final class Seen {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong withTraceContext = new AtomicLong();

        void count(MultiMap headers) {
            requests.incrementAndGet();
            if (TRACE_HEADERS.stream().anyMatch(headers::contains)) {
                withTraceContext.incrementAndGet();
            }
        }
    }

    /** Right after a provider port's request is rerouted to its prefix ({@link ProviderOrigins}), before anything else. */
    void observe(@Observes Router router) {
        router.get("/persona/_sandbox/trace-context")
                .order(Integer.MIN_VALUE + 1)
                .handler(context -> answer(context, persona));
        router.get("/dfns/_sandbox/trace-context")
                .order(Integer.MIN_VALUE + 1)
                .handler(context -> answer(context, dfns));
        router.route().order(Integer.MIN_VALUE + 2).handler(this::count);
    }

    private void count(RoutingContext context) {
        String path = context.request().path();
        if (path != null && path.startsWith("/persona/api/")) {
            persona.count(context.request().headers());
        } else if (path != null && path.startsWith("/dfns/") && !path.startsWith("/dfns/_sandbox")) {
            dfns.count(context.request().headers());
        }
        context.next();
    }

    private static void answer(RoutingContext context, Seen seen) {
        context.response()
                .putHeader("Content-Type", "application/json")
                .end("{\"requests\":" + seen.requests.get() + ",\"with_trace_context\":" + seen.withTraceContext.get()
                        + "}");
    }
}
