package dev.attest.gateway.proxy;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Passes an authenticated WebSocket upgrade on to a service: the gateway opens the service's WebSocket
 * first (so a refusal or an unreachable service is answered with a status, as for any request), then
 * accepts the client's, and relays text and binary messages both ways until either side closes; the close
 * code and reason are passed on to the other side.
 */
@ApplicationScoped
public class WebSocketBridge {
    private static final Logger LOG = Logger.getLogger(WebSocketBridge.class);
    /** Handshake headers Vert.x writes itself for the upstream handshake (which has no body). */
    static final Set<String> HANDSHAKE_HEADERS = Set.of(
            "sec-websocket-key",
            "sec-websocket-version",
            "sec-websocket-extensions",
            "sec-websocket-protocol",
            "content-length");
    /** Close codes that say why a connection ended but may not be sent in a close frame (RFC 6455 §7.4.1). */
    private static final Set<Short> NOT_SENDABLE = Set.of((short) 1005, (short) 1006, (short) 1015);

    private static final short GOING_AWAY = 1001;

    private final Vertx vertx;
    private WebSocketClient client;

    WebSocketBridge(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Whether the request asks to become a WebSocket (RFC 6455 §4.1; HTTP/1.1 only). */
    static boolean isUpgrade(HttpServerRequest request) {
        return request.version() == HttpVersion.HTTP_1_1
                && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
                && request.headers().contains("Connection", "upgrade", true);
    }

    /** The subprotocols the client offers, passed on to the service, which picks one. */
    static List<String> offeredSubProtocols(HttpServerRequest request) {
        String offered = request.getHeader("Sec-WebSocket-Protocol");
        return offered == null
                ? List.of()
                : Arrays.stream(offered.split(","))
                        .map(String::trim)
                        .filter(p -> !p.isEmpty())
                        .toList();
    }

    /** A service's base URL with the WebSocket scheme: http → ws, https → wss. */
    static String webSocketUri(String httpBase) {
        if (httpBase.startsWith("https://")) {
            return "wss://" + httpBase.substring("https://".length());
        }
        if (httpBase.startsWith("http://")) {
            return "ws://" + httpBase.substring("http://".length());
        }
        throw new IllegalArgumentException("not an http(s) URL: " + httpBase);
    }

    /** Opens the service's WebSocket; fails with an {@code UpgradeRejectedException} when it refuses. */
    Future<WebSocket> connect(WebSocketConnectOptions options) {
        return client().connect(options);
    }

    /** Accepts the client's upgrade and relays between it and the service's open WebSocket. */
    void accept(HttpServerRequest request, WebSocket upstream) {
        upstream.pause(); // hold what the service sends until the client's side is open
        request.toWebSocket()
                .onSuccess(downstream -> relay(downstream, upstream))
                .onFailure(failure -> {
                    LOG.debugf("client WebSocket upgrade failed: %s", failure.getMessage());
                    upstream.close(GOING_AWAY, "client gone");
                });
    }

    private static void relay(ServerWebSocket downstream, WebSocket upstream) {
        pass(downstream, upstream);
        pass(upstream, downstream);
        upstream.resume();
    }

    /** Messages and the close of {@code from} go to {@code to}. */
    private static void pass(WebSocketBase from, WebSocketBase to) {
        from.textMessageHandler(text -> {
            if (!to.isClosed()) {
                to.writeTextMessage(text);
            }
        });
        from.binaryMessageHandler(bytes -> {
            if (!to.isClosed()) {
                to.writeBinaryMessage(bytes);
            }
        });
        from.closeHandler(closed -> {
            if (to.isClosed()) {
                return;
            }
            Short code = from.closeStatusCode();
            if (code == null || NOT_SENDABLE.contains(code)) {
                to.close(GOING_AWAY, "the other side went away");
            } else {
                to.close(code, from.closeReason());
            }
        });
        from.exceptionHandler(failure -> LOG.debugf("WebSocket relay: %s", failure.getMessage()));
    }

    private synchronized WebSocketClient client() {
        if (client == null) {
            client = vertx.createWebSocketClient(new WebSocketClientOptions().setTcpNoDelay(true));
        }
        return client;
    }

    void close(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }
}
