package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Webhook subscriptions and their delivery, signed as Dfns signs them: compact JSON, header
 * {@code X-DFNS-WEBHOOK-SIGNATURE: sha256=<hex HMAC-SHA256(secret, body)>}. Only 200 counts as delivered;
 * a failed delivery is retried with a new event id (Dfns retries over 24 h; the sandbox over a minute).
 */
@ApplicationScoped
public class Webhooks {
    private static final Logger LOG = Logger.getLogger(Webhooks.class);
    private static final List<Duration> RETRIES =
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(45));

    private final Map<String, Webhook> webhooks = new ConcurrentHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final SecureRandom random = new SecureRandom();
    private final Faults faults;

    record Webhook(String id, String orgId, String url, List<String> events, String secret, String description) {
        boolean wants(String kind) {
            return events.contains("*") || events.contains(kind);
        }

        ObjectNode toJson(boolean withSecret) {
            ObjectNode json = DfnsJson.object();
            json.put("id", id);
            json.put("url", url);
            json.put("status", "Enabled");
            json.put("description", description);
            ArrayNode kinds = json.putArray("events");
            events.forEach(kinds::add);
            if (withSecret) {
                json.put("secret", secret);
            }
            return json;
        }
    }

    Webhooks(Faults faults) {
        this.faults = faults;
    }

    ObjectNode create(String orgId, ObjectNode body) {
        String url = body.path("url").asText("");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw DfnsApiException.badRequest("url must be an http(s) URL");
        }
        JsonNode events = body.path("events");
        if (!events.isArray() || events.isEmpty()) {
            throw DfnsApiException.badRequest("events must list at least one event kind or *");
        }
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        Webhook webhook = new Webhook(
                Ids.next("wh"),
                orgId,
                url,
                java.util.stream.StreamSupport.stream(events.spliterator(), false)
                        .map(JsonNode::asText)
                        .toList(),
                "whsec_" + HexFormat.of().formatHex(secret),
                body.path("description").asText(null));
        webhooks.put(webhook.id(), webhook);
        return webhook.toJson(true);
    }

    /** Subscribes {@code url} to every event of {@code orgId} with a secret chosen by the operator. */
    void register(String orgId, String url, String secret) {
        Webhook webhook = new Webhook(Ids.next("wh"), orgId, url, List.of("*"), secret, "bootstrap");
        webhooks.put(webhook.id(), webhook);
    }

    ObjectNode list(String orgId) {
        ObjectNode answer = DfnsJson.object();
        ArrayNode items = answer.putArray("items");
        webhooks.values().stream().filter(w -> w.orgId().equals(orgId)).forEach(w -> items.add(w.toJson(false)));
        return answer;
    }

    /** Delivers event {@code kind} with {@code data} to every webhook of {@code orgId} that wants it. */
    void publish(String orgId, String kind, ObjectNode data) {
        boolean twice = faults.take("duplicate-webhooks", null).isPresent();
        webhooks.values().stream()
                .filter(w -> w.orgId().equals(orgId) && w.wants(kind))
                .forEach(w -> {
                    deliver(w, kind, data, 1, null);
                    if (twice) {
                        deliver(w, kind, data, 1, null);
                    }
                });
    }

    private void deliver(Webhook webhook, String kind, ObjectNode data, int attempt, String retryOf) {
        ObjectNode event = DfnsJson.object();
        String id = Ids.next("whe");
        event.put("id", id);
        event.put("kind", kind);
        event.put("date", Instant.now().toString());
        event.set("data", data);
        event.put("status", "200");
        event.put("timestampSent", Instant.now().getEpochSecond());
        event.put("deliveryAttempt", attempt);
        if (retryOf != null) {
            event.put("retryOf", retryOf);
        }
        String body = DfnsJson.write(event);
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-DFNS-WEBHOOK-SIGNATURE", "sha256=" + hmacHex(webhook.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 200) {
                return;
            }
            LOG.debugf("webhook %s: %s attempt %d not delivered", webhook.id(), kind, attempt);
            if (attempt <= RETRIES.size()) {
                retries.schedule(
                        () -> deliver(webhook, kind, data, attempt + 1, retryOf == null ? id : retryOf),
                        RETRIES.get(attempt - 1).toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        });
    }

    static String hmacHex(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        retries.shutdownNow();
    }
}
