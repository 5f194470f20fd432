package dev.attest.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket server standing in for a service. On connecting it says {@code hello}; it echoes text
 * ({@code echo:…}) and binary messages; on the text {@code bye} it closes with 4001; it records each
 * handshake and how each client closed. Paths ending in {@code /refuse} are refused with 403. The
 * notification service is configured at a port where nothing listens.
 */
public class WebSocketUpstream implements QuarkusTestResourceLifecycleManager {
    public static final short UPSTREAM_CLOSE_CODE = 4001;
    private static final List<Handshake> HANDSHAKES = new CopyOnWriteArrayList<>();
    private static final BlockingQueue<String> CLIENT_CLOSES = new LinkedBlockingQueue<>();
    private static Vertx vertx;

    /** A handshake as the service saw it; header names lower-cased. */
    public record Handshake(String uri, Map<String, String> headers) {}

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        // One request handler that upgrades on request: it sees every handshake, also those it refuses.
        HttpServer server = vertx.createHttpServer().requestHandler(WebSocketUpstream::request);
        int port = server.listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .join()
                .actualPort();
        String url = "http://127.0.0.1:" + port;
        return Map.of(
                "attest.gateway.services.compliance", url,
                "attest.gateway.services.wallet", url,
                "attest.gateway.services.identity", url,
                // nothing listens there: an unreachable service
                "attest.gateway.services.notification", "http://127.0.0.1:" + closedPort());
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void request(HttpServerRequest request) {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            request.response().setStatusCode(200).end("{}");
            return;
        }
        Map<String, String> headers = new java.util.TreeMap<>();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        HANDSHAKES.add(new Handshake(request.uri(), headers));
        if (request.path().endsWith("/refuse")) {
            request.response().setStatusCode(403).end();
            return;
        }
        request.toWebSocket().onSuccess(WebSocketUpstream::connected);
    }

    private static void connected(ServerWebSocket socket) {
        socket.textMessageHandler(text -> {
            if (text.equals("bye")) {
                socket.close(UPSTREAM_CLOSE_CODE, "upstream says bye");
            } else {
                socket.writeTextMessage("echo:" + text);
            }
        });
        socket.binaryMessageHandler(socket::writeBinaryMessage);
        socket.closeHandler(closed -> {
            if (socket.closeStatusCode() != null) {
                CLIENT_CLOSES.add(socket.uri() + " " + socket.closeStatusCode() + " " + socket.closeReason());
            }
        });
        socket.writeTextMessage("hello");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    public static List<Handshake> handshakesAt(String uri) {
        return HANDSHAKES.stream().filter(h -> h.uri().equals(uri)).toList();
    }

    /** The next "uri code reason" of a close the service received, waiting up to 10 s. */
    public static String nextClientClose() throws InterruptedException {
        return CLIENT_CLOSES.poll(10, TimeUnit.SECONDS);
    }
}
