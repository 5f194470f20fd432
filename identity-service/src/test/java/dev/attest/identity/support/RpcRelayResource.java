package dev.attest.identity.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.attest.testing.AnvilResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The real anvil node behind a JSON-RPC relay that a test can tell to refuse new transactions
 * ({@code eth_sendRawTransaction}), as a node whose pool is full would: what was broadcast before stays in
 * anvil's pool, what is sent meanwhile never reaches it. Every other call passes through unchanged.
 */
public class RpcRelayResource implements QuarkusTestResourceLifecycleManager {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static volatile boolean refusingTransactions;
    private static HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @Override
    public Map<String, String> start() {
        URI node = URI.create(AnvilResource.rpcUrl());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> relay(exchange, node));
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return Map.of(
                "attest.evm.rpc-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    public static void refuseTransactions() {
        refusingTransactions = true;
    }

    public static void acceptTransactions() {
        refusingTransactions = false;
    }

    private void relay(HttpExchange exchange, URI node) throws IOException {
        byte[] request = exchange.getRequestBody().readAllBytes();
        byte[] answer;
        JsonNode call = MAPPER.readTree(request);
        if (refusingTransactions
                && "eth_sendRawTransaction".equals(call.path("method").asText())) {
            answer = MAPPER.writeValueAsBytes(Map.of(
                    "jsonrpc", "2.0",
                    "id", call.path("id"),
                    "error", Map.of("code", -32000, "message", "txpool is full (test relay)")));
        } else {
            try {
                answer = client.send(
                                HttpRequest.newBuilder(node)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }
}
