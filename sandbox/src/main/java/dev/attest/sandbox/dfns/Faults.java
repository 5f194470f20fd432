package dev.attest.sandbox.dfns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults a test or an operator scripts through {@code POST /dfns/_sandbox/faults}; each applies to the next
 * {@code count} matching requests (or transfers), then is spent.
 *
 * <ul>
 *   <li>{@code server-error}: answer {@code status} (default 500) in Dfns's error format;
 *   <li>{@code timeout}: hold the answer for {@code delayMs} before handling the request;
 *   <li>{@code policy-pending}: a new transfer waits for approval (202, status Pending) until
 *       {@code /dfns/_sandbox/transfers/{id}/approve} or {@code /reject};
 *   <li>{@code rejection}: a new transfer is rejected by policy (202 Pending, then Rejected);
 *   <li>{@code slow-confirmation}: a mined transfer is reported Confirmed only {@code delayMs} later;
 *   <li>{@code duplicate-webhooks}: every webhook event is delivered twice (as Dfns may).
 * </ul>
 */
@ApplicationScoped
public class Faults {
    static final Set<String> KINDS =
            Set.of("server-error", "timeout", "policy-pending", "rejection", "slow-confirmation", "duplicate-webhooks");

    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    /** One scripted fault. */
    public record Fault(String kind, int status, Duration delay, String pathContains, AtomicInteger remaining) {
        boolean matches(String wantedKind, String path) {
            return kind.equals(wantedKind)
                    && remaining.get() > 0
                    && (pathContains == null || path == null || path.contains(pathContains));
        }
    }

    void add(ObjectNode body) {
        String kind = body.path("kind").asText();
        if (!KINDS.contains(kind)) {
            throw DfnsApiException.badRequest("kind must be one of " + KINDS);
        }
        faults.add(new Fault(
                kind,
                body.path("status").asInt(500),
                Duration.ofMillis(body.path("delayMs").asLong(0)),
                body.hasNonNull("pathContains") ? body.get("pathContains").asText() : null,
                new AtomicInteger(body.path("count").asInt(1))));
    }

    void clear() {
        faults.clear();
    }

    /** Takes one use of the first fault of {@code kind} matching {@code path}, if any. */
    Optional<Fault> take(String kind, String path) {
        for (Fault fault : faults) {
            if (fault.matches(kind, path) && fault.remaining().getAndDecrement() > 0) {
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
