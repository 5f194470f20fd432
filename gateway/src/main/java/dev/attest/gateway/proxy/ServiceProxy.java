package dev.attest.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.problem.Problem;
import dev.attest.common.problem.ProblemException;
import dev.attest.gateway.config.GatewayConfig;
import dev.attest.gateway.monitoring.EdgeSignals;
import dev.attest.gateway.ratelimit.RateLimitDecision;
import dev.attest.gateway.ratelimit.WebhookLimits;
import dev.attest.gateway.security.EdgeCaller;
import dev.attest.gateway.security.EdgeCallers;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Routes the public API to the services. The request body and the response body are streamed (so
 * server-sent events pass through as they come), and WebSocket upgrades are relayed ({@link
 * WebSocketBridge}); the client's credentials never reach a service: the
 * gateway replaces them with its own short-lived token. Provider webhooks are passed on byte for byte,
 * headers included, without authentication (the owning service verifies their signatures), within the edge
 * limit per source address and organization ({@link WebhookLimits}). Every forwarded request is a client span of
 * the gateway's, and the service receives that span's trace context instead of the caller's (see NOT_FORWARDED).
 */
@ApplicationScoped
public class ServiceProxy {
    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    static final String REQUEST_ID = "X-Request-Id";
    /** Hop-by-hop headers (RFC 9110 §7.6.1) and those the gateway sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "proxy-connection",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "http2-settings",
            "host",
            "authorization",
            // stated in the gateway token once checked; a service must never read the client's header
            "attest-project",
            // Trace context (W3C, and its baggage): the gateway continues the caller's trace in its own server span,
            // and its HTTP client (instrumented by quarkus-opentelemetry through Vert.x tracing) opens a client span
            // per forwarded request and sends that span's context. The caller's headers would reach the service
            // beside it, naming the caller's span as parent and skipping the gateway's.
            "traceparent",
            "tracestate",
            "baggage");
    /** Routes are tried before the gateway's own REST resources. */
    private static final int ROUTE_ORDER = -100;
    /**
     * Provider webhooks come before Quarkus' authentication handler (its filter's order is -200; CORS, -300,
     * still applies): they carry no credentials the gateway could check, and their path is not a REST
     * resource's, so neither that handler nor the REST layer's path-template lookup has anything to do.
     */
    private static final int WEBHOOK_ROUTE_ORDER = -250;

    private final RouteTable routes;
    private final EdgeAccess access;
    private final IdentityProviderManager identities;
    private final EdgeCallers callers;
    private final ObjectMapper mapper;
    private final GatewayConfig config;
    private final long maxBodyBytes;
    private final Vertx vertx;
    private final WebSocketBridge webSockets;
    private final WebhookLimits webhookLimits;
    /**
     * One client per event loop, so that a request and its upstream connection share a thread: a connection
     * of another loop would hand every write and every response event across threads (a task, a wake-up).
     */
    private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();
    /** For a request handled off the event loops (none is, today). */
    private HttpClient sharedClient;
    /** Each event loop's share of {@code upstream-max-connections}. */
    private int connectionsPerLoop;

    ServiceProxy(
            RouteTable routes,
            EdgeAccess access,
            IdentityProviderManager identities,
            EdgeCallers callers,
            ObjectMapper mapper,
            GatewayConfig config,
            Vertx vertx,
            WebSocketBridge webSockets,
            WebhookLimits webhookLimits,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size")
                    io.quarkus.runtime.configuration.MemorySize maxBody) {
        this.routes = routes;
        this.access = access;
        this.identities = identities;
        this.callers = callers;
        this.mapper = mapper;
        this.config = config;
        this.vertx = vertx;
        this.webSockets = webSockets;
        this.webhookLimits = webhookLimits;
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void register(@Observes Router router) {
        int loops = 0;
        for (var loop : ((io.vertx.core.impl.VertxInternal) vertx).getEventLoopGroup()) {
            loops++;
        }
        connectionsPerLoop = Math.max(1, (config.upstreamMaxConnections() + loops - 1) / Math.max(1, loops));
        sharedClient = newClient(config.upstreamMaxConnections());
        for (Route route : routes.routes()) {
            router.routeWithRegex(route.pattern().pattern())
                    .order(route.webhook() ? WEBHOOK_ROUTE_ORDER : ROUTE_ORDER)
                    .handler(ctx -> handle(ctx, route));
        }
    }

    private HttpClient newClient(int maxConnections) {
        // Vert.x pools 5 connections per server by default: 5 open event streams would stall every other request.
        return vertx.createHttpClient(
                new HttpClientOptions().setTcpNoDelay(true).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(maxConnections));
    }

    /** The client of the calling event loop (made at its first request); connections stay on that loop. */
    private HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return sharedClient;
        }
        return clients.computeIfAbsent(Thread.currentThread(), loop -> newClient(connectionsPerLoop));
    }

    void close(@Observes ShutdownEvent event) {
        clients.values().forEach(HttpClient::close);
        if (sharedClient != null) {
            sharedClient.close();
        }
    }

    private void handle(RoutingContext ctx, Route route) {
        HttpServerRequest request = ctx.request();
        request.pause(); // nothing is read until the gateway knows where the body goes
        String requestId = Optional.ofNullable(request.getHeader(REQUEST_ID)).orElseGet(ServiceProxy::newRequestId);
        ctx.response().putHeader(REQUEST_ID, requestId);
        String length = request.getHeader("Content-Length");
        if (length != null && parseLength(length) > maxBodyBytes) {
            problem(ctx, tooLarge(), Map.of());
            return;
        }
        if (route.webhook()) {
            forwardWebhook(ctx, route, requestId);
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(ctx, identities)
                .subscribe()
                .with(
                        identity -> authenticated(ctx, route, requestId, identity),
                        failure -> problem(ctx, unauthenticated(), Map.of("WWW-Authenticate", "Bearer")));
    }

    /**
     * A request id for a request that brings none: random (version 4) like any UUID, from the thread's
     * generator. It correlates log lines and is no secret (a client may send its own), so it needs no
     * SecureRandom, whose lock and reads of the system's source every request would otherwise pass through.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /**
     * A provider webhook: limited per source address and organization, then passed on as it came. Its body is
     * small (within {@code quarkus.http.limits.max-body-size}, as every request's), so it is read whole and sent
     * with its head in one write, and the service's short answer is relayed whole likewise.
     */
    private void forwardWebhook(RoutingContext ctx, Route route, String requestId) {
        Optional<String> org = route.match(ctx.normalizedPath()).flatMap(path -> Route.group(path, "org", s -> s));
        String source = ctx.request().remoteAddress() == null
                ? "unknown"
                : ctx.request().remoteAddress().hostAddress();
        RateLimitDecision limit = webhookLimits.take(source, org);
        if (!limit.allowed()) {
            problem(ctx, limit.refusal("This source's webhook"), limit.headers());
            return;
        }
        readBody(ctx, body -> {
            HttpServerRequest request = ctx.request();
            RequestOptions options = upstreamRequest(request, route);
            onwardHeaders(request, requestId, null, options, Set.of());
            client().request(options)
                    .compose(upstream -> upstream.send(body))
                    .onSuccess(upstream -> respondWhole(ctx, upstream))
                    .onFailure(failure -> upstreamFailed(ctx, route, requestId, failure));
        });
    }

    /**
     * Reads the whole request body (the one another handler already read, if any), then hands it on; a body
     * that grows past the limit (one of unknown length) is answered 413 and never handed on.
     */
    private void readBody(RoutingContext ctx, java.util.function.Consumer<Buffer> then) {
        if (ctx.body().available()) {
            then.accept(
                    ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer());
            return;
        }
        HttpServerRequest request = ctx.request();
        if (!hasBody(request)) {
            request.resume();
            then.accept(Buffer.buffer());
            return;
        }
        String length = request.getHeader("Content-Length");
        Buffer body = Buffer.buffer(length == null ? 1024 : (int) Math.min(parseLength(length), maxBodyBytes));
        boolean[] overflowed = {false};
        request.handler(chunk -> {
            if (overflowed[0]) {
                return;
            }
            if ((long) body.length() + chunk.length() > maxBodyBytes) {
                overflowed[0] = true;
                problem(ctx, tooLarge(), Map.of());
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(end -> {
            if (!overflowed[0]) {
                then.accept(body);
            }
        });
        request.resume();
    }

    /**
     * The service's answer to a webhook: whole when it states its length (a webhook's acknowledgement is a few
     * bytes), else streamed as any other.
     */
    private void respondWhole(RoutingContext ctx, HttpClientResponse upstream) {
        if (upstream.getHeader("Content-Length") == null) {
            respond(ctx, upstream, Map.of());
            return;
        }
        upstream.body().onComplete(read -> {
            HttpServerResponse response = ctx.response();
            if (response.ended() || response.closed()) {
                return;
            }
            if (read.failed()) {
                response.reset();
                return;
            }
            response.setStatusCode(upstream.statusCode());
            response.setStatusMessage(upstream.statusMessage());
            copyResponseHeaders(upstream, response);
            response.end(read.result());
        });
    }

    private void authenticated(RoutingContext ctx, Route route, String requestId, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            problem(ctx, unauthenticated(), Map.of("WWW-Authenticate", "Bearer"));
            return;
        }
        EdgeCaller caller = callers.of(identity);
        EdgeSignals.authenticated(ctx, caller);
        Matcher path = route.match(ctx.normalizedPath()).orElseThrow();
        EdgeAccess.RequestTenant named = new EdgeAccess.RequestTenant(
                Route.group(path, "org", ServiceProxy::decode),
                Route.group(path, "project", ServiceProxy::decode),
                Optional.ofNullable(ctx.request().getHeader(RequestProject.HEADER)));
        if (Stream.of(named.org(), named.projectInPath())
                .flatMap(Optional::stream)
                .anyMatch(ServiceProxy::hasNul)) {
            // what the services refuse in their own parameters; refused here before any lookup by it
            problem(
                    ctx,
                    ProblemException.badRequest(
                            "invalid-text",
                            "A text value contains the NUL character (U+0000), which cannot be stored."),
                    Map.of());
            return;
        }
        String method = ctx.request().method().name();
        vertx.<ForwardDecision>executeBlocking(
                        () -> access.decide(caller, route, method, ctx.normalizedPath(), named), false)
                .onSuccess(decision -> {
                    if (decision.refused()) {
                        problem(ctx, decision.refusal(), decision.headers());
                    } else if (WebSocketBridge.isUpgrade(ctx.request())) {
                        forwardWebSocket(ctx, route, requestId, decision.gatewayToken());
                    } else {
                        forward(ctx, route, requestId, decision.gatewayToken(), decision.headers());
                    }
                })
                .onFailure(failure -> {
                    LOG.errorf(failure, "Cannot decide on request %s", requestId);
                    problem(
                            ctx,
                            new ProblemException(
                                    500,
                                    "internal-error",
                                    "Internal error",
                                    "An unexpected error occurred; quote request id " + requestId + " to support."),
                            Map.of());
                });
    }

    private void forward(
            RoutingContext ctx, Route route, String requestId, String gatewayToken, Map<String, String> extraHeaders) {
        HttpServerRequest request = ctx.request();
        RequestOptions options = upstreamRequest(request, route);
        onwardHeaders(request, requestId, gatewayToken, options, Set.of());
        client().request(options)
                .compose(upstream -> send(ctx, upstream))
                .onSuccess(upstream -> respond(ctx, upstream, extraHeaders))
                .onFailure(failure -> upstreamFailed(ctx, route, requestId, failure));
    }

    private RequestOptions upstreamRequest(HttpServerRequest request, Route route) {
        return new RequestOptions()
                .setMethod(request.method())
                .setAbsoluteURI(route.upstream() + request.uri())
                .setConnectTimeout(config.upstreamTimeout().toMillis())
                .setIdleTimeout(config.upstreamTimeout().toMillis());
    }

    /** A WebSocket upgrade: the service's socket is opened first, then the client's is accepted. */
    private void forwardWebSocket(RoutingContext ctx, Route route, String requestId, String gatewayToken) {
        HttpServerRequest request = ctx.request();
        WebSocketConnectOptions options =
                new WebSocketConnectOptions().setSubProtocols(WebSocketBridge.offeredSubProtocols(request));
        options.setAbsoluteURI(WebSocketBridge.webSocketUri(route.upstream()) + request.uri())
                // only the handshake is bounded: an open WebSocket may stay quiet as long as both sides like
                .setConnectTimeout(config.upstreamTimeout().toMillis())
                .setTimeout(config.upstreamTimeout().toMillis());
        onwardHeaders(request, requestId, gatewayToken, options, WebSocketBridge.HANDSHAKE_HEADERS);
        webSockets
                .connect(options)
                .onSuccess(upstream -> webSockets.accept(request, upstream))
                .onFailure(failure -> upstreamFailed(ctx, route, requestId, failure));
    }

    /**
     * The headers a service receives: the client's end-to-end headers (not its credentials, not {@code
     * skipped}), the request id, X-Forwarded-*, and the gateway token.
     */
    private static void onwardHeaders(
            HttpServerRequest request,
            String requestId,
            String gatewayToken,
            RequestOptions options,
            Set<String> skipped) {
        request.headers().forEach(header -> {
            String name = header.getKey().toLowerCase();
            if (!NOT_FORWARDED.contains(name) && !skipped.contains(name)) {
                options.addHeader(header.getKey(), header.getValue());
            }
        });
        options.putHeader(REQUEST_ID, requestId);
        options.putHeader("X-Forwarded-For", remoteAddress(request));
        options.putHeader("X-Forwarded-Proto", request.scheme());
        if (request.authority() != null) {
            options.putHeader("X-Forwarded-Host", request.authority().toString());
        }
        if (gatewayToken != null) {
            options.putHeader("Authorization", "Bearer " + gatewayToken);
        }
    }

    private io.vertx.core.Future<HttpClientResponse> send(RoutingContext ctx, HttpClientRequest upstream) {
        if (ctx.body().available()) {
            // Another handler already read the body; pass on exactly those bytes.
            return upstream.send(
                    ctx.body().buffer() == null
                            ? io.vertx.core.buffer.Buffer.buffer()
                            : ctx.body().buffer());
        }
        if (!hasBody(ctx.request())) {
            ctx.request().resume();
            return upstream.send();
        }
        return upstream.send(new LimitedBody(ctx.request(), maxBodyBytes, () -> {
            problem(ctx, tooLarge(), Map.of());
            upstream.reset();
        }));
    }

    private void respond(RoutingContext ctx, HttpClientResponse upstream, Map<String, String> extraHeaders) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            upstream.request().reset();
            return;
        }
        response.setStatusCode(upstream.statusCode());
        response.setStatusMessage(upstream.statusMessage());
        copyResponseHeaders(upstream, response);
        extraHeaders.forEach(response::putHeader);
        if (upstream.getHeader("Content-Length") == null) {
            response.setChunked(true);
        }
        // A client that leaves (an event stream closed) ends the service's side too, and frees its connection.
        response.closeHandler(closed -> upstream.request().reset());
        response.send(upstream)
                .onFailure(failure -> LOG.debugf("response stream ended early: %s", failure.getMessage()));
    }

    /** The service's end-to-end response headers. */
    private static void copyResponseHeaders(HttpClientResponse upstream, HttpServerResponse response) {
        upstream.headers().forEach(header -> {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase())) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
    }

    private void upstreamFailed(RoutingContext ctx, Route route, String requestId, Throwable failure) {
        if (ctx.response().ended()) {
            return; // already answered, e.g. 413 for a body that grew past the limit
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        if (failure instanceof UpgradeRejectedException rejected) {
            // The service refused the WebSocket: the client learns its status, as for any other request.
            problem(
                    ctx,
                    new ProblemException(
                            rejected.getStatus(),
                            "upgrade-refused",
                            "WebSocket refused",
                            "The service refused the WebSocket upgrade; quote request id " + requestId + "."),
                    Map.of());
            return;
        }
        boolean timeout = failure instanceof java.util.concurrent.TimeoutException
                || failure.getClass().getSimpleName().contains("Timeout");
        LOG.warnf("Upstream %s failed for request %s: %s", route.upstream(), requestId, failure.toString());
        if (timeout) {
            problem(
                    ctx,
                    new ProblemException(
                            504,
                            "upstream-timeout",
                            "Gateway timeout",
                            "The service did not answer in time; quote request id " + requestId + "."),
                    Map.of());
        } else {
            problem(
                    ctx,
                    new ProblemException(
                            502,
                            "upstream-unavailable",
                            "Bad gateway",
                            "The service is unavailable; quote request id " + requestId + "."),
                    Map.of());
        }
    }

    private void problem(RoutingContext ctx, ProblemException e, Map<String, String> headers) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            return;
        }
        Problem problem =
                new Problem(Problem.type(e.slug()), e.title(), e.status(), e.getMessage(), ctx.normalizedPath(), null);
        try {
            headers.forEach(response::putHeader);
            response.setStatusCode(e.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
            if (hasBody(ctx.request()) && ctx.request().version() != HttpVersion.HTTP_2) {
                // The body is not wanted: close the connection rather than drain an upload.
                response.putHeader("Connection", "close");
            } else {
                ctx.request().resume(); // let the request end, so the connection can serve the next one
            }
            response.end(mapper.writeValueAsString(problem));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            response.setStatusCode(500).end();
        }
    }

    /**
     * Whether a body follows the request head. HTTP/1.1 says so in its headers (RFC 9112 §6.3); an HTTP/2
     * request may carry data without either header, so there only an ended stream has none.
     */
    private static boolean hasBody(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2) {
            return !request.isEnded();
        }
        String length = request.getHeader("Content-Length");
        return (length != null && parseLength(length) > 0) || request.headers().contains("Transfer-Encoding");
    }

    private ProblemException tooLarge() {
        return new ProblemException(
                413, "payload-too-large", "Payload too large", "The request body exceeds " + maxBodyBytes + " bytes.");
    }

    private static ProblemException unauthenticated() {
        return new ProblemException(
                401, "unauthenticated", "Unauthenticated", "A valid bearer token or API key is required.");
    }

    private static String remoteAddress(HttpServerRequest request) {
        String previous = request.getHeader("X-Forwarded-For");
        String remote = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        return previous == null ? remote : previous + ", " + remote;
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean hasNul(String text) {
        return text.indexOf('\0') >= 0;
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
}
