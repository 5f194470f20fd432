package dev.attest.common.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/**
 * Client spans around calls to the outside providers (Persona, Dfns, the EVM node), so a trace shows where an
 * onboarding waited on whom. Persona and Dfns go through {@link dev.attest.common.net.ProviderHttp} (Vert.x'
 * WebClient with the extension's tracing off for it, since that would send the span's {@code traceparent}); the EVM
 * node through web3j's OkHttp, which nothing instruments. The trace context is not sent to the providers: they are
 * third parties.
 *
 * <p>Attributes: the provider, the operation, the method and the server's host and port, the answer's status; never
 * a path with its ids, a query, a header or a body, and never credentials.
 */
@ApplicationScoped
public class ProviderSpans {
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("attest.provider");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");

    /** A provider call that may throw what the client throws. */
    @FunctionalInterface
    public interface Call<T, E extends Exception> {
        T run() throws E;
    }

    private final Tracer tracer;

    ProviderSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Runs an HTTP exchange with {@code provider} in a span named {@code "<provider> <method>"}. The call reports the
     * answer's status with {@link #status(int)}.
     */
    public <T, E extends Exception> T http(String provider, String method, URI uri, Call<T, E> call) throws E {
        Span span = tracer.spanBuilder(provider + " " + method)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(PROVIDER, provider)
                .setAttribute(METHOD, method)
                .setAttribute(SERVER_ADDRESS, uri.getHost() == null ? "unknown" : uri.getHost())
                .setAttribute(SERVER_PORT, (long) port(uri))
                .startSpan();
        return Spans.runIn(span, call);
    }

    /** Runs a JSON-RPC call (or batch) of {@code method} on {@code provider} in a span named after the method. */
    public <T, E extends Exception> T jsonRpc(String provider, String method, Call<T, E> call) throws E {
        Span span = tracer.spanBuilder(method)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(PROVIDER, provider)
                .setAttribute(RPC_SYSTEM, "jsonrpc")
                .setAttribute(RPC_METHOD, method)
                .startSpan();
        return Spans.runIn(span, call);
    }

    /** Records the HTTP status the provider answered on the current provider span; 5xx marks it failed. */
    public static void status(int status) {
        Span span = Span.current();
        span.setAttribute(STATUS, (long) status);
        if (status >= 500) {
            span.setStatus(StatusCode.ERROR, "HTTP " + status);
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
