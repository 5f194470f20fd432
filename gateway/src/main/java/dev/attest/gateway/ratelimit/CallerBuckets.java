package dev.attest.gateway.ratelimit;

import dev.attest.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * The buckets of callers whose requests act in no project: a signed-in user of an organization with several
 * projects who names none, a user of no organization, and every caller of the gateway's own API. One bucket
 * per caller and organization, or per caller alone when the request acts in no organization, sized by {@code
 * attest.gateway.rate-limit.caller}. They live in the same shared table as the projects' buckets.
 */
@ApplicationScoped
public class CallerBuckets {
    private final TokenBuckets buckets;
    private final GatewayConfig.RateLimit.Caller size;

    CallerBuckets(TokenBuckets buckets, GatewayConfig config) {
        this.buckets = buckets;
        this.size = config.rateLimit().caller();
    }

    /** Takes one token from the bucket of {@code subject} (a user's OIDC subject or an API key's id) in {@code orgId}. */
    public RateLimitDecision take(String subject, Optional<UUID> orgId) {
        return buckets.take(bucketId(subject, orgId), size.capacity(), size.refillPerSecond());
    }

    /**
     * The bucket's id: a name-based UUID (version 3) of the caller and organization. A project's bucket has the
     * project's id, a random UUID (version 4), so the two can never be the same bucket.
     */
    public static UUID bucketId(String subject, Optional<UUID> orgId) {
        String name = "caller\n" + subject + "\n" + orgId.map(UUID::toString).orElse("");
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
