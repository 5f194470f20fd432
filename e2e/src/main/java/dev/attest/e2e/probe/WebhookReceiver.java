package dev.attest.e2e.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.attest.e2e.http.HttpJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An organization's webhook receiver on this machine, verifying each delivery the way the Standard
 * Webhooks specification tells receivers to: HMAC-SHA256 with the endpoint secret over
 * {@code webhook-id.webhook-timestamp.body}, any of the space-separated {@code v1,} signatures.
 * Deliveries that do not verify are answered 401 and kept out of {@link #await}.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** A delivery that verified: its id and its JSON payload. */
    public record Delivery(String id, JsonNode payload) {}

    private final HttpServer server;
    private final List<Delivery> verified = new CopyOnWriteArrayList<>();
    private volatile byte[] key;

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/attest-webhooks";
    }

    /** The endpoint's secret as the platform showed it on creation ({@code whsec_<base64>}). */
    public void useSecret(String secret) {
        key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        boolean ok = id != null && timestamp != null && signatures != null && verifies(id, timestamp, body, signatures);
        if (ok) {
            verified.add(new Delivery(id, HttpJson.JSON.readTree(body)));
        }
        exchange.sendResponseHeaders(ok ? 204 : 401, -1);
        exchange.close();
    }

    private boolean verifies(String id, String timestamp, byte[] body, String signatures) {
        byte[] secret = key;
        if (secret == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public Delivery await(String what, Duration timeout, Predicate<JsonNode> match) {
        return Waiting.until(what, timeout, () -> verified.stream()
                .filter(d -> match.test(d.payload()))
                .findFirst());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
