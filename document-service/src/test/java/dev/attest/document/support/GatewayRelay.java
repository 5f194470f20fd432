package dev.attest.document.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;

/**
 * An HTTP relay in front of the Arweave gateway that a test can take down (connections refused: the port is closed)
 * and bring back on the same port, or make lose the answer to the next {@code POST /tx} after the gateway took it (as a
 * crash between the gateway's acceptance and our record of it would).
 */
public final class GatewayRelay {
    private final URI target;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer server;
    private volatile boolean loseNextPostAnswer;

    private GatewayRelay(URI target, int port) {
        this.target = target;
        this.port = port;
    }

    static GatewayRelay start(URI target) {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GatewayRelay relay = new GatewayRelay(target, port);
        relay.up();
        return relay;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Closes the port: requests to the gateway are refused until {@link #up()}. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Opens the port again (the same one); does nothing when it is open. */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::relay);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** The next transaction posted reaches the gateway, but its answer is lost (the connection is closed). */
    public void loseNextPostAnswer() {
        loseNextPostAnswer = true;
    }

    private void relay(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()));
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if ("POST".equals(exchange.getRequestMethod()) && loseNextPostAnswer) {
            loseNextPostAnswer = false;
            exchange.close(); // the gateway has the transaction; the caller never hears so
            return;
        }
        answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders()
                .add("Content-Type", t));
        exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }
}
