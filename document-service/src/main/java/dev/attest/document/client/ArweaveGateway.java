package dev.attest.document.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.document.config.DocumentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An Arweave gateway's HTTP API (the node API that arweave.net, other gateways and arlocal serve): the anchor and
 * price a transaction needs, posting it with its data inline, its status, and its data back. Every failure is an
 * {@link ArweaveException}; bodies are never quoted in it (a refused transaction's body is the document).
 */
@ApplicationScoped
public class ArweaveGateway {
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final String base;
    private final Duration timeout;

    ArweaveGateway(DocumentConfig config, ObjectMapper mapper) {
        this.mapper = mapper;
        this.base = config.arweave().gatewayUrl().replaceAll("/+$", "");
        this.timeout = config.arweave().requestTimeout();
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A recent block's hash, the {@code last_tx} that anchors a new transaction. */
    public String anchor() {
        return text(send(get("/tx_anchor"), "tx_anchor")).trim();
    }

    /** The fee in winston for {@code bytes} of data. */
    public String price(long bytes) {
        return text(send(get("/price/" + bytes), "price")).trim();
    }

    public void post(ArweaveTransaction tx, byte[] data) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(tx.toJson(data));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/tx"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        send(request, "post transaction");
    }

    /** What the gateway knows of transaction {@code id}. */
    public Status status(String id) {
        HttpResponse<byte[]> response = exchange(get("/tx/" + id + "/status"), "status");
        return switch (response.statusCode()) {
            case 200 -> {
                // arweave.net answers a pending transaction with 202; arlocal with 200 and the text "Pending".
                JsonNode body = json(response.body());
                if (!body.isObject()) {
                    yield new Status(Status.Kind.PENDING, 0, 0);
                }
                yield new Status(
                        Status.Kind.MINED,
                        body.path("block_height").asLong(),
                        body.path("number_of_confirmations").asInt());
            }
            case 202 -> new Status(Status.Kind.PENDING, 0, 0);
            case 404 -> new Status(Status.Kind.UNKNOWN, 0, 0);
            default -> throw new ArweaveException("status answered " + response.statusCode(), false);
        };
    }

    /** The data of transaction {@code id}, as the gateway serves it. */
    public byte[] data(String id) {
        return send(get("/" + id), "data");
    }

    public record Status(Kind kind, long blockHeight, int confirmations) {
        public enum Kind {
            UNKNOWN,
            PENDING,
            MINED
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .GET()
                .build();
    }

    private byte[] send(HttpRequest request, String what) {
        HttpResponse<byte[]> response = exchange(request, what);
        int code = response.statusCode();
        if (code / 100 != 2) {
            throw new ArweaveException(what + " answered " + code, code / 100 == 4 && code != 429 && code != 408);
        }
        return response.body();
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ArweaveException(what + " failed: " + e.getClass().getSimpleName(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArweaveException(what + " interrupted", false);
        }
    }

    private JsonNode json(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return mapper.missingNode();
        }
    }

    private static String text(byte[] body) {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
}
