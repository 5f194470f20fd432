package dev.attest.notification.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A customer's webhook receiver: a real HTTP server on loopback that records every request and answers
 * with scripted responses (then 200 once the script is used up).
 */
public final class Receiver implements AutoCloseable {
    /** A request as received: lower-case header names, the raw body. */
    public record Request(String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** An answer to give. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public static Answer of(int status) {
            return new Answer(status, Map.of(), "status " + status);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private volatile java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(0);

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders()
                        .forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
                requests.add(new Request(
                        exchange.getRequestURI().getPath(),
                        headers,
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            try {
                hold.await(); // a receiver that hangs until the test lets it answer
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Answer answer = script.pollFirst();
            if (answer == null) {
                answer = Answer.of(200);
            }
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        // Handlers on their own threads: the dispatcher keeps accepting while one request is held.
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** Answers the next requests with these, in order. */
    public Receiver thenAnswer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    /** Holds every answer until {@code release} counts down. */
    public Receiver holdUntil(java.util.concurrent.CountDownLatch release) {
        this.hold = release;
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
