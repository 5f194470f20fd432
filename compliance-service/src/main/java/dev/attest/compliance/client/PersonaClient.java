package dev.attest.compliance.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.common.net.ProviderPath;
import dev.attest.compliance.config.ComplianceConfig;
import dev.attest.compliance.provider.ConnectionCheck;
import dev.attest.compliance.provider.KycProviderException.Kind;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persona's inquiry API for this service: JSON:API in and out, {@code errors[]} translated, 429 and 5xx (and no
 * answer) retried with doubling backoff honouring {@code Retry-After}, and one circuit breaker for every call to
 * Persona (named {@value #CIRCUIT}), so an outage fails fast instead of piling up requests. Persona refusing a request
 * (4xx) is not an outage and does not open the circuit. Both are SmallRye Fault Tolerance guards built from the
 * configuration: the circuit counts each call once, whatever its retries; the retry's delay depends on Persona's answer.
 */
@ApplicationScoped
public class PersonaClient {
    /** The circuit breaker's name ({@code CircuitBreakerMaintenance}): open means Persona is treated as down. */
    public static final String CIRCUIT = "persona";

    /** Persona's JSON uses its own (kebab-case) keys: a plain mapper, not the service's snake_case one. */
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest {@code Retry-After} waited for: a longer one is better answered by failing now. */
    private static final Duration RETRY_AFTER_CAP = Duration.ofSeconds(2);

    private final PersonaApi api;
    private final ProviderGuards<PersonaApi.Answer> guards;

    PersonaClient(PersonaApi api, ComplianceConfig config) {
        this.api = api;
        ComplianceConfig.Persona persona = config.persona();
        this.guards = new ProviderGuards<>(
                "Persona",
                CIRCUIT,
                PersonaApi.Answer.class,
                PersonaRefusedException.class,
                PersonaRefusedException::new,
                PersonaClient::errors,
                PersonaClient::errors,
                persona.maxAttempts(),
                persona.retryBackoff(),
                RetryAfterBackoff::new);
    }

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
        return call("POST", ProviderPath.of("/inquiries"), apiKey, idempotencyKey, body);
    }

    public JsonNode resumeInquiry(String apiKey, String inquiryId) {
        return call(
                "POST",
                ProviderPath.of("/inquiries/{inquiry-id}/resume", personaId(inquiryId)),
                apiKey,
                null,
                JSON.createObjectNode());
    }

    /** A fresh one-time link each call: no idempotency key, as a second link is what a retry asks for. */
    public JsonNode generateOneTimeLink(String apiKey, String inquiryId) {
        return call(
                "POST",
                ProviderPath.of("/inquiries/{inquiry-id}/generate-one-time-link", personaId(inquiryId)),
                apiKey,
                null,
                JSON.createObjectNode());
    }

    public JsonNode decideInquiry(String apiKey, String inquiryId, boolean approve, String idempotencyKey) {
        String template = approve ? "/inquiries/{inquiry-id}/approve" : "/inquiries/{inquiry-id}/decline";
        return call(
                "POST",
                ProviderPath.of(template, personaId(inquiryId)),
                apiKey,
                idempotencyKey,
                JSON.createObjectNode());
    }

    public JsonNode retrieveInquiry(String apiKey, String inquiryId) {
        return call("GET", ProviderPath.of("/inquiries/{inquiry-id}", personaId(inquiryId)), apiKey, null, null);
    }

    /**
     * One listing of a single inquiry, classified: no retries and no circuit breaker, so that it tells how
     * Persona answers right now. A null {@code apiKey} asks without credentials (then a 401 still shows that
     * Persona answers). Persona's answer itself is never returned.
     */
    public ConnectionCheck probe(String apiKey, Duration timeout) {
        PersonaApi.Answer answer;
        try {
            answer = api.send(
                    "GET", ProviderPath.of("/inquiries").withQuery("page%5Bsize%5D=1"), apiKey, null, null, timeout);
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
    private static String personaId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,100}")) {
            throw new PersonaRefusedException(Kind.REJECTED, 0, "not a Persona id");
        }
        return id;
    }

    /**
     * One call: the same request (same idempotency key, same body) until Persona answers other than 429/5xx or the
     * attempts run out, inside the circuit breaker; then the answer translated ({@link ProviderGuards}).
     */
    private JsonNode call(String method, ProviderPath path, String apiKey, String idempotencyKey, JsonNode body) {
        byte[] bytes = body == null ? null : ProviderGuards.write(body);
        return guards.call(() -> api.send(method, path, apiKey, idempotencyKey, bytes));
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

    /** The answer's {@code Retry-After} in seconds, capped; none or unreadable: zero. */
    static Duration retryAfter(Optional<String> header) {
        try {
            long seconds = Long.parseLong(header.orElse("0").trim());
            return seconds <= 0 ? Duration.ZERO : Duration.ofSeconds(Math.min(seconds, RETRY_AFTER_CAP.toSeconds()));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    /**
     * The wait before each retry: doubling from the configured backoff, or Persona's {@code Retry-After} when that
     * is longer (capped at {@link #RETRY_AFTER_CAP}). One per call, as it counts the call's retries.
     */
    static final class RetryAfterBackoff implements CustomBackoffStrategy {
        private long next;

        @Override
        public void init(long initialDelayInMillis) {
            next = initialDelayInMillis;
        }

        @Override
        public long nextDelayInMillis(Throwable cause) {
            long backoff = next;
            next = backoff * 2;
            long asked = cause instanceof ProviderGuards.Busy busy && busy.answer instanceof PersonaApi.Answer answer
                    ? retryAfter(answer.retryAfter()).toMillis()
                    : 0;
            return Math.max(backoff, asked);
        }
    }
}
