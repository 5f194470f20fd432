package dev.attest.common.net;

import dev.attest.common.tracing.ProviderSpans;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP exchange with a third-party provider's API (Persona, Dfns), on Vert.x' WebClient: one client per provider,
 * an absolute URL, headers and body bytes per request (each organization has its own credentials, Dfns its own base
 * URL and a signature over the exact body), no redirects followed, timeouts per request, and the answer awaited
 * (never on an event loop). No retries and no error translation: each service's client owns those.
 *
 * <p>Measured by quarkus-micrometer as {@code http.client.requests} with {@code clientName} the provider and
 * {@code uri} the path's template ({@link ProviderRoutes}). Traced by a {@link ProviderSpans} client span around
 * each exchange, not by the extension's Vert.x tracing, which is off for these clients ({@link TracingPolicy#IGNORE}):
 * whenever it makes a client span it also writes that span's {@code traceparent} into the request, and the trace
 * context must not reach a third party. Vert.x has no policy for a span without propagation, and the header is
 * written below anything a caller could remove it from.
 */
@ApplicationScoped
public class ProviderHttp {
    /** quarkus-micrometer tags a client's meters with what follows the {@code |} of its metrics name. */
    private static final String METRICS_NAME = "attest-provider|";
    /** Connections per provider host: wallet-service provisions 8 wallets at once, beside its other calls. */
    private static final int POOL_SIZE = 32;
    /** Beyond the request's own timeouts, before the caller stops waiting for Vert.x to report one. */
    private static final long GRACE_MILLIS = 1_000;

    private final Vertx vertx;
    private final ProviderSpans spans;
    private final ProviderRoutes routes;
    private final Map<String, WebClient> clients = new ConcurrentHashMap<>();

    ProviderHttp(Vertx vertx, ProviderSpans spans, ProviderRoutes routes) {
        this.vertx = vertx;
        this.spans = spans;
        this.routes = routes;
    }

    /** The provider's answer, whatever its status. Header names are case-insensitive. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }
    }

    /**
     * Sends {@code request} and waits for the answer, in a client span of the provider. Throws {@link IOException}
     * when there is no answer: no connection, a timeout, a connection closed before the answer.
     */
    public Answer exchange(ProviderRequest request) throws IOException {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("a provider call waits for its answer: it must not run on an event loop");
        }
        routes.register(request.provider(), request.route());
        HttpRequest<Buffer> http = prepare(request);
        return spans.http(request.provider(), request.method(), request.uri(), () -> {
            Future<HttpResponse<Buffer>> sent =
                    request.body() == null ? http.send() : http.sendBuffer(Buffer.buffer(request.body()));
            HttpResponse<Buffer> response = await(sent, request);
            ProviderSpans.status(response.statusCode());
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().forEach(header -> headers.putIfAbsent(header.getKey(), header.getValue()));
            Buffer body = response.body();
            return new Answer(response.statusCode(), headers, body == null ? new byte[0] : body.getBytes());
        });
    }

    @PreDestroy
    void close() {
        clients.values().forEach(WebClient::close);
        clients.clear();
    }

    private HttpRequest<Buffer> prepare(ProviderRequest request) {
        WebClient client = clients.computeIfAbsent(request.provider(), this::client);
        HttpMethod method = HttpMethod.valueOf(request.method());
        URI uri = request.uri();
        HttpRequest<Buffer> http = request.connectTo() == null
                ? client.requestAbs(method, uri.toString())
                : client.requestAbs(
                        method,
                        SocketAddress.inetSocketAddress(
                                port(uri), request.connectTo().getHostAddress()),
                        uri.toString());
        http.followRedirects(false)
                .connectTimeout(request.connectTimeout().toMillis())
                .timeout(request.timeout().toMillis());
        request.headers().forEach(http::putHeader);
        return http;
    }

    private WebClient client(String provider) {
        return WebClient.create(
                vertx,
                new WebClientOptions()
                        .setFollowRedirects(false)
                        .setTracingPolicy(TracingPolicy.IGNORE)
                        .setMetricsName(METRICS_NAME + provider)
                        .setUserAgent("attest")
                        .setMaxPoolSize(POOL_SIZE));
    }

    private static HttpResponse<Buffer> await(Future<HttpResponse<Buffer>> sent, ProviderRequest request)
            throws IOException {
        long bound = request.connectTimeout().toMillis() + request.timeout().toMillis() + GRACE_MILLIS;
        try {
            return sent.toCompletionStage().toCompletableFuture().get(bound, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + request.provider());
        } catch (TimeoutException e) {
            throw new IOException("no answer from " + request.provider() + " in " + bound + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io
                    ? io
                    : new IOException(
                            cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
