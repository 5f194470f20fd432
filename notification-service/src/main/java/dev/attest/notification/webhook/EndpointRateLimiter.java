package dev.attest.notification.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A token bucket per endpoint (messages per second, burst of one second's worth), kept in the database
 * and locked while a token is taken, so all instances share it. A delivery that finds no token is not
 * dropped: it waits in the database until the returned time. Callers take tokens of several endpoints in
 * ascending endpoint id order, so two instances never wait for each other's buckets in a cycle.
 */
@ApplicationScoped
public class EndpointRateLimiter {
    private final EntityManager em;
    private final Clock clock;

    EndpointRateLimiter(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Takes a token for {@code endpoint}; if none is left, says when the next one comes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Instant> acquire(UUID endpoint, int perSecond) {
        Instant now = clock.instant();
        em.createNativeQuery("insert into webhook_rate_bucket (endpoint_id, tokens, refilled_at) values (?1, ?2, ?3)"
                        + " on conflict (endpoint_id) do nothing")
                .setParameter(1, endpoint)
                .setParameter(2, (double) perSecond)
                .setParameter(3, now)
                .executeUpdate();
        Object[] bucket = (Object[]) em.createNativeQuery(
                        "select tokens, refilled_at from webhook_rate_bucket where endpoint_id = ?1 for update")
                .setParameter(1, endpoint)
                .getSingleResult();
        double tokens = ((Number) bucket[0]).doubleValue();
        Instant refilledAt = instant(bucket[1]);
        if (now.isAfter(refilledAt)) {
            double elapsed = Duration.between(refilledAt, now).toNanos() / 1e9;
            tokens = Math.min(perSecond, tokens + elapsed * perSecond);
            refilledAt = now;
        }
        Optional<Instant> wait;
        if (tokens >= 1) {
            tokens -= 1;
            wait = Optional.empty();
        } else {
            wait = Optional.of(now.plusNanos((long) Math.ceil((1 - tokens) / perSecond * 1e9)));
        }
        em.createNativeQuery("update webhook_rate_bucket set tokens = ?1, refilled_at = ?2 where endpoint_id = ?3")
                .setParameter(1, tokens)
                .setParameter(2, refilledAt)
                .setParameter(3, endpoint)
                .executeUpdate();
        return wait;
    }

    private static Instant instant(Object column) {
        if (column instanceof Instant instant) {
            return instant;
        }
        if (column instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (column instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("unexpected refilled_at type " + column.getClass());
    }
}
