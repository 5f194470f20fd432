package dev.attest.sandbox.persona;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scripted API failures per API key: the next N requests answer a 5xx, and every request may be slowed.
 * They happen at Persona's edge, before the idempotency layer, so a retry with the same key can succeed.
 */
@ApplicationScoped
class FaultInjector {
    private final Map<String, Faults> faults = new ConcurrentHashMap<>();

    void script(String apiKey, int failNext, int status, long delayMs) {
        faults.put(apiKey, new Faults(failNext, status, delayMs));
    }

    /** Applies the delay, then the failure if one is due: the status to answer instead of the real one. */
    Optional<Integer> before(String apiKey) {
        Faults current = faults.get(apiKey);
        if (current == null) {
            return Optional.empty();
        }
        if (current.delayMs > 0) {
            try {
                Thread.sleep(current.delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Faults after = faults.computeIfPresent(
                apiKey, (key, f) -> f.failNext > 0 ? new Faults(f.failNext - 1, f.status, f.delayMs) : f);
        return after != null && after.failNext < current.failNext ? Optional.of(current.status) : Optional.empty();
    }

    private record Faults(int failNext, int status, long delayMs) {}
}
