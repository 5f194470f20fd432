package dev.attest.gateway.ratelimit;

import dev.attest.common.problem.ProblemException;
import java.util.Map;

/**
 * The outcome of one request against its bucket (a project's, a caller's, or a webhook source's), and the
 * headers that tell the client (IETF draft RateLimit header fields; {@code Retry-After} when refused).
 *
 * @param remaining whole tokens left
 * @param resetSeconds seconds until the bucket is full again
 * @param retryAfterSeconds seconds until the next token, when refused
 */
public record RateLimitDecision(boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    static RateLimitDecision of(boolean allowed, double tokens, int capacity, double refillPerSecond) {
        long remaining = (long) Math.floor(Math.max(0, tokens));
        long reset = (long) Math.ceil(Math.max(0, capacity - tokens) / refillPerSecond);
        long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / refillPerSecond));
        return new RateLimitDecision(allowed, capacity, remaining, reset, retryAfter);
    }

    /** The 429 problem of a refused request; {@code whose} names the bucket, e.g. "The project's". */
    public ProblemException refusal(String whose) {
        return new ProblemException(
                429,
                "rate-limited",
                "Too many requests",
                whose + " request rate limit is exhausted; retry after " + retryAfterSeconds + " s.");
    }

    public Map<String, String> headers() {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("RateLimit-Limit", Integer.toString(limit));
        headers.put("RateLimit-Remaining", Long.toString(remaining));
        headers.put("RateLimit-Reset", Long.toString(resetSeconds));
        if (!allowed) {
            headers.put("Retry-After", Long.toString(retryAfterSeconds));
        }
        return headers;
    }
}
