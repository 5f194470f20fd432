package dev.attest.wallet.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A host that is not Dfns, where an admin might point the Dfns API base URL: it answers every request with one
 * scripted status, headers and body, and counts the requests that reached it.
 */
public final class FakeHost implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private FakeHost(int status, Map<String, String> headers, String body) {
        try {
            server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** A host answering {@code status} with {@code body} (and {@code headers}) to everything. */
    public static FakeHost answering(int status, Map<String, String> headers, String body) {
        return new FakeHost(status, headers, body);
    }

    public static FakeHost answering(int status, String body) {
        return answering(status, Map.of("Content-Type", "application/json"), body);
    }

    /** Its base URL on {@code host} (it listens on every address of this machine). */
    public String url(String host) {
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    /** How many requests reached it. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
