package dev.attest.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per endpoint (messages per second, burst of one second's worth). A delivery that finds
 * no token is not dropped: it waits in the database until the returned time.
 */
@ApplicationScoped
public class EndpointRateLimiter {
    private final Clock clock;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    EndpointRateLimiter(Clock clock) {
        this.clock = clock;
    }

    /** Takes a token for {@code endpoint}; if none is left, says when the next one comes. */
    public Optional<Instant> acquire(UUID endpoint, int perSecond) {
        Instant now = clock.instant();
        Bucket bucket = buckets.computeIfAbsent(endpoint, id -> new Bucket(perSecond, now));
        return bucket.take(perSecond, now);
    }

    private static final class Bucket {
        private double tokens;
        private Instant refilledAt;

        Bucket(int perSecond, Instant now) {
            this.tokens = perSecond;
            this.refilledAt = now;
        }

        synchronized Optional<Instant> take(int perSecond, Instant now) {
            if (now.isAfter(refilledAt)) {
                double elapsed = Duration.between(refilledAt, now).toNanos() / 1e9;
                tokens = Math.min(perSecond, tokens + elapsed * perSecond);
                refilledAt = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            long waitNanos = (long) Math.ceil((1 - tokens) / perSecond * 1e9);
            return Optional.of(now.plusNanos(waitNanos));
        }
    }
}
