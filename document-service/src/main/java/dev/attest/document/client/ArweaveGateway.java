package dev.attest.document.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.common.net.ProviderHttp;
import dev.attest.common.net.ProviderPath;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * An Arweave gateway's HTTP API (the node API that arweave.net, other gateways and arlocal serve): the anchor and
 * price a transaction needs, posting it with its data inline, its status, and its data back. Every failure is an
 * {@link ArweaveException} ({@link ArweaveUnavailableException} when the gateway may answer later, also while its
 * circuit is open); bodies are never quoted in it (a refused transaction's body is the document).
 */
@ApplicationScoped
public class ArweaveGateway {
    private final ArweaveHttp http;
    private final ObjectMapper mapper;

    ArweaveGateway(ArweaveHttp http, ObjectMapper mapper) {
        this.http = http;
        this.mapper = mapper;
    }

    /** A recent block's hash, the {@code last_tx} that anchors a new transaction. */
    public String anchor() {
        return text(ok("GET", ProviderPath.of("/tx_anchor"), null)).trim();
    }

    /** The fee in winston for {@code bytes} of data. */
    public String price(long bytes) {
        return text(ok("GET", ProviderPath.of("/price/{bytes}", Long.toString(bytes)), null))
                .trim();
    }

    public void post(ArweaveTransaction tx, byte[] data) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(tx.toJson(data));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ok("POST", ProviderPath.of("/tx"), body);
    }

    /** What the gateway knows of transaction {@code id}. */
    public Status status(String id) {
        ProviderHttp.Answer answer = send("GET", ProviderPath.of("/tx/{id}/status", id), null);
        return switch (answer.status()) {
            case 200 -> {
                // arweave.net answers a pending transaction with 202; arlocal with 200 and the text "Pending".
                JsonNode body = json(answer.body());
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
            default -> throw new ArweaveException("status answered " + answer.status(), false);
        };
    }

    /** The data of transaction {@code id}, as the gateway serves it. */
    public byte[] data(String id) {
        return ok("GET", ProviderPath.of("/{id}", id), null);
    }

    public record Status(Kind kind, long blockHeight, int confirmations) {
        public enum Kind {
            UNKNOWN,
            PENDING,
            MINED
        }
    }

    private ProviderHttp.Answer send(String method, ProviderPath path, byte[] body) {
        try {
            return http.exchange(method, path, body);
        } catch (CircuitBreakerOpenException e) {
            throw new ArweaveUnavailableException(
                    "the gateway is paused after repeated failures (circuit " + ArweaveHttp.CIRCUIT + " open)");
        }
    }

    /** The body of a 2xx answer; a 4xx means the gateway will not take this request as it is (rejected). */
    private byte[] ok(String method, ProviderPath path, byte[] body) {
        ProviderHttp.Answer answer = send(method, path, body);
        if (answer.status() / 100 != 2) {
            throw new ArweaveException(
                    method + " " + path.template() + " answered " + answer.status(), answer.status() / 100 == 4);
        }
        return answer.body();
    }

    private JsonNode json(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            return mapper.missingNode();
        }
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
