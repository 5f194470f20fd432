package dev.attest.sandbox.persona;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Persona's {@code Idempotency-Key} semantics for POSTs: the first answer for a key (errors included) is
 * stored and replayed; the same key with other parameters is an error. Keys are scoped to the API key and
 * forgotten after {@code sandbox.persona.idempotency-ttl} (Persona: at least 24 h), after which the key
 * acts as new.
 */
@ApplicationScoped
class IdempotencyStore {
    private final Map<String, Stored> answers = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    @Inject
    IdempotencyStore(PersonaSandboxConfig config) {
        this(config.idempotencyTtl(), Clock.systemUTC());
    }

    IdempotencyStore(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    ApiResponse once(String apiKey, String idempotencyKey, String path, byte[] body, Supplier<ApiResponse> call) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return call.get();
        }
        String fingerprint = fingerprint(path, body);
        String scope = apiKey + "\n" + idempotencyKey;
        Instant now = clock.instant();
        answers.values()
                .removeIf(stored ->
                        stored.storedAt != null && stored.storedAt.plus(ttl).isBefore(now));
        // One caller runs the call per key; concurrent retries of the same key wait and get its answer.
        Stored stored = answers.computeIfAbsent(scope, key -> new Stored());
        synchronized (stored) {
            if (stored.answer == null) {
                stored.fingerprint = fingerprint;
                stored.answer = call.get();
                stored.storedAt = clock.instant();
                return stored.answer;
            }
            if (!stored.fingerprint.equals(fingerprint)) {
                return ApiResponse.error(
                        400,
                        "Idempotency error",
                        "Idempotency-Key " + idempotencyKey + " was used with different request parameters");
            }
            return stored.answer;
        }
    }

    private static String fingerprint(String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body == null ? new byte[0] : body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Stored {
        String fingerprint;
        ApiResponse answer;
        Instant storedAt;
    }
}
