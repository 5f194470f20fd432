package dev.attest.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server standing in for "some upstream service": it records every request exactly as it
 * arrived and answers 200 with a small JSON body. {@code /…/slow} answers after 3 s (past the test's
 * upstream timeout); {@code /…/events} answers with server-sent events; {@code /…/held} is an event stream
 * that stays open, with a heartbeat, until {@link #releaseHeld()}.
 */
public class RecordingUpstream implements QuarkusTestResourceLifecycleManager {
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final java.util.concurrent.atomic.AtomicInteger HELD =
            new java.util.concurrent.atomic.AtomicInteger();
    private static volatile java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    private static HttpServer server;

    /** A request as the upstream saw it; header names lower-cased. */
    public record Received(String method, String uri, Map<String, List<String>> headers, byte[] body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase())).map(values -> values.get(0));
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool()); // held streams keep their thread
        server.createContext("/", RecordingUpstream::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "attest.gateway.services.compliance", url,
                "attest.gateway.services.wallet", url,
                "attest.gateway.services.identity", url,
                "attest.gateway.services.notification", url,
                "attest.gateway.services.document", url,
                "attest.gateway.upstream-timeout", "1s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The requests received at {@code uri}, oldest first. */
    public static List<Received> receivedAt(String uri) {
        return RECEIVED.stream().filter(r -> r.uri().equals(uri)).toList();
    }

    public static Received lastAt(String uri) {
        List<Received> received = receivedAt(uri);
        if (received.isEmpty()) {
            throw new AssertionError("the upstream received nothing at " + uri);
        }
        return received.get(received.size() - 1);
    }

    private static void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new java.util.TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
        String uri = exchange.getRequestURI().toString();
        RECEIVED.add(new Received(exchange.getRequestMethod(), uri, headers, body));
        if (uri.startsWith("/q/openapi")) {
            answer(exchange, 200, OPENAPI);
            return;
        }
        if (uri.endsWith("/forged")) {
            // what compliance-service answers a webhook whose signature does not verify
            answer(exchange, 401, "{\"type\":\"invalid-webhook-signature\",\"status\":401}");
            return;
        }
        if (uri.endsWith("/slow")) {
            sleep(3000);
        }
        if (uri.endsWith("/held")) {
            hold(exchange);
            return;
        }
        if (uri.endsWith("/events")) {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 1; i <= 3; i++) {
                    out.write(("id: " + i + "\nevent: tick\ndata: {\"n\":" + i + "}\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
            return;
        }
        exchange.getResponseHeaders().add("X-Upstream-Header", "kept");
        answer(exchange, 201, "{\"upstream\":true}");
    }

    /** How many {@code /…/held} streams are open now. */
    public static int held() {
        return HELD.get();
    }

    /** Ends every held stream. */
    public static void releaseHeld() {
        release.countDown();
        release = new java.util.concurrent.CountDownLatch(1);
    }

    private static void hold(HttpExchange exchange) throws IOException {
        java.util.concurrent.CountDownLatch until = release;
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        HELD.incrementAndGet();
        try (OutputStream out = exchange.getResponseBody()) {
            // a heartbeat well inside the test's 1 s upstream timeout, as a live stream keeps itself open
            while (!until.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                out.write(": heartbeat\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            HELD.decrementAndGet();
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] answer = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /**
     * What a service's OpenAPI document looks like: routed paths (among them the latest routed: transfer
     * approvals, a wallet provisioning's retry, the platform's Persona refusals), one the gateway does not expose.
     */
    private static final String OPENAPI = "{\"openapi\":\"3.1.0\",\"paths\":{"
            + "\"/wallets/{wallet_id}\":{\"get\":{\"responses\":{\"200\":{\"description\":\"a wallet\"}}}},"
            + "\"/orgs/{org}/transfer-approvals/{transfer_id}/approve\":{\"post\":{\"responses\":{\"200\":{}}}},"
            + "\"/orgs/{org}/users/{user_id}/wallet/retry\":{\"post\":{\"responses\":{\"202\":{}}}},"
            + "\"/platform/persona/webhooks/refusals\":{\"get\":{\"responses\":{\"200\":{}}}},"
            + "\"/internal/reindex\":{\"post\":{\"responses\":{\"204\":{\"description\":\"done\"}}}}},"
            + "\"components\":{\"schemas\":{\"Wallet\":{\"type\":\"object\"}}}}";

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
