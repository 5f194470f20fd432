package dev.attest.compliance.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.provider.ConnectionCheck;
import dev.attest.compliance.provider.KycProviderException;
import dev.attest.compliance.provider.KycProviderException.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.jboss.logging.Logger;

/**
 * Persona's inquiry API for this service: JSON:API in and out, {@code errors[]} translated, 429 and 5xx
 * (and no answer) retried with backoff, and a circuit breaker so an outage fails fast instead of piling up
 * requests. Persona refusing a request (4xx) is not an outage and does not open the circuit.
 */
@ApplicationScoped
public class PersonaClient {
    private static final Logger LOG = Logger.getLogger(PersonaClient.class);
    /** Persona's JSON uses its own (kebab-case) keys: a plain mapper, not the service's snake_case one. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PersonaApi api;
    private final ComplianceConfig.Persona config;

    PersonaClient(PersonaApi api, ComplianceConfig config) {
        this.api = api;
        this.config = config.persona();
    }

    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 10_000,
            skipOn = PersonaRefusedException.class)
    public JsonNode createInquiry(
            String apiKey, String templateId, String referenceId, Map<String, String> fields, String idempotencyKey) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode attributes = body.putObject("data").putObject("attributes");
        attributes.put("inquiry-template-id", templateId);
        attributes.put("reference-id", referenceId);
        if (!fields.isEmpty()) {
            // Pre-filled inquiry fields: set through the API, the user cannot alter them in the flow.
            ObjectNode prefilled = attributes.putObject("fields");
            fields.forEach(prefilled::put);
        }
        return call("POST", "/inquiries", apiKey, idempotencyKey, body);
    }

    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 10_000,
            skipOn = PersonaRefusedException.class)
    public JsonNode resumeInquiry(String apiKey, String inquiryId) {
        return call("POST", "/inquiries/" + pathSegment(inquiryId) + "/resume", apiKey, null, JSON.createObjectNode());
    }

    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 10_000,
            skipOn = PersonaRefusedException.class)
    public JsonNode decideInquiry(String apiKey, String inquiryId, boolean approve, String idempotencyKey) {
        String action = approve ? "/approve" : "/decline";
        return call(
                "POST",
                "/inquiries/" + pathSegment(inquiryId) + action,
                apiKey,
                idempotencyKey,
                JSON.createObjectNode());
    }

    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 10_000,
            skipOn = PersonaRefusedException.class)
    public JsonNode retrieveInquiry(String apiKey, String inquiryId) {
        return call("GET", "/inquiries/" + pathSegment(inquiryId), apiKey, null, null);
    }

    /**
     * One listing of a single inquiry, classified: no retries and no circuit breaker, so that it tells how
     * Persona answers right now. A null {@code apiKey} asks without credentials (then a 401 still shows that
     * Persona answers). Persona's answer itself is never returned.
     */
    public ConnectionCheck probe(String apiKey, Duration timeout) {
        PersonaApi.Answer answer;
        try {
            answer = api.send("GET", "/inquiries?page%5Bsize%5D=1", apiKey, null, null, timeout);
        } catch (IOException | IllegalArgumentException e) {
            return ConnectionCheck.noAnswer();
        }
        ConnectionCheck check = ConnectionCheck.ofStatus(answer.status());
        if (check.outcome() == ConnectionCheck.Outcome.OK && !isListing(answer.body())) {
            return new ConnectionCheck(ConnectionCheck.Outcome.UNEXPECTED_ANSWER, answer.status());
        }
        return check;
    }

    /** Persona's list answer: a JSON:API document whose {@code data} is an array. */
    private static boolean isListing(byte[] body) {
        try {
            JsonNode document = JSON.readTree(body);
            return document != null && document.path("data").isArray();
        } catch (IOException e) {
            return false;
        }
    }

    /** An id Persona gave us, checked before it becomes part of a path. */
    private static String pathSegment(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new PersonaRefusedException(Kind.REJECTED, 0, "not a Persona id");
        }
        return id;
    }

    private JsonNode call(String method, String path, String apiKey, String idempotencyKey, JsonNode body) {
        byte[] bytes = body == null ? null : write(body);
        Duration backoff = config.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            PersonaApi.Answer answer;
            try {
                answer = api.send(method, path, apiKey, idempotencyKey, bytes);
            } catch (IOException e) {
                if (attempt >= config.maxAttempts()) {
                    throw new KycProviderException(Kind.UNAVAILABLE, 0, "Persona did not answer: " + e.getMessage(), e);
                }
                sleep(backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            }
            int status = answer.status();
            if (status / 100 == 2) {
                return parse(answer.body());
            }
            String errors = errors(answer.body());
            if (status == 429 || status >= 500) {
                if (attempt >= config.maxAttempts()) {
                    throw new KycProviderException(Kind.UNAVAILABLE, status, "Persona answered " + status + errors);
                }
                LOG.debugf("Persona %s %s answered %d; attempt %d", method, path, status, attempt);
                sleep(longest(backoff, retryAfter(answer)));
                backoff = backoff.multipliedBy(2);
                continue;
            }
            Kind kind = status == 401 || status == 403 ? Kind.UNAUTHORIZED : Kind.REJECTED;
            throw new PersonaRefusedException(kind, status, "Persona answered " + status + errors);
        }
    }

    /** Persona's {@code errors[]} as one line: {@code : title (details); …}. */
    private static String errors(byte[] body) {
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            List<String> parts = new ArrayList<>();
            for (JsonNode error : errors) {
                String details =
                        error.path("details").asText(error.path("detail").asText(""));
                parts.add(error.path("title").asText("error") + (details.isEmpty() ? "" : " (" + details + ")"));
            }
            return parts.isEmpty() ? "" : ": " + String.join("; ", parts);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new KycProviderException(Kind.UNAVAILABLE, 200, "Persona answered with malformed JSON", e);
        }
    }

    private static byte[] write(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration retryAfter(PersonaApi.Answer answer) {
        try {
            // Capped: a long Retry-After is better answered by failing now and letting the caller retry.
            long seconds = Long.parseLong(answer.retryAfter().orElse("0").trim());
            return Duration.ofSeconds(Math.min(seconds, 2));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KycProviderException(Kind.UNAVAILABLE, 0, "interrupted while waiting to retry Persona");
        }
    }
}
