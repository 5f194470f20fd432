package dev.attest.sandbox.persona;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Persona's {@code Idempotency-Key} semantics for POSTs: the first answer for a key (errors included) is
 * stored and replayed; the same key with other parameters is an error. Keys are scoped to the API key.
 */
@ApplicationScoped
class IdempotencyStore {
    private final Map<String, Stored> answers = new ConcurrentHashMap<>();

    ApiResponse once(String apiKey, String idempotencyKey, String path, byte[] body, Supplier<ApiResponse> call) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return call.get();
        }
        String fingerprint = fingerprint(path, body);
        String scope = apiKey + "\n" + idempotencyKey;
        // One caller runs the call per key; concurrent retries of the same key wait and get its answer.
        synchronized (answers.computeIfAbsent(scope, key -> new Stored())) {
            Stored stored = answers.get(scope);
            if (stored.answer == null) {
                stored.fingerprint = fingerprint;
                stored.answer = call.get();
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
    }
}
