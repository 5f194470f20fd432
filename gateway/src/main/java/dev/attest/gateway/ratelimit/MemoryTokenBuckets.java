package dev.attest.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets in this process's memory, by key: for traffic that must be limited before it costs any database
 * work. A bucket that has filled up again is the same as none, so {@link #forgetFull()} drops those: memory
 * holds only the keys seen within the time a bucket takes to refill.
 */
public class MemoryTokenBuckets {
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int capacity;
    private final double refillPerSecond;
    private final LongSupplier nanoTime;

    public MemoryTokenBuckets(int capacity, double refillPerSecond, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.nanoTime = nanoTime;
    }

    /** Takes one token from {@code key}'s bucket, if it has one; a key seen for the first time has a full one. */
    public RateLimitDecision take(String key) {
        long now = nanoTime.getAsLong();
        RateLimitDecision[] decision = new RateLimitDecision[1];
        // compute() runs under the map's lock for this key: concurrent requests of one key are ordered.
        buckets.compute(key, (k, bucket) -> {
            Bucket current = bucket == null ? new Bucket(capacity, now) : bucket;
            decision[0] = current.take(now);
            return current;
        });
        return decision[0];
    }

    /** Drops the buckets that are full again, which a fresh bucket would replace exactly. */
    public void forgetFull() {
        long now = nanoTime.getAsLong();
        for (String key : buckets.keySet()) {
            buckets.computeIfPresent(key, (k, bucket) -> bucket.level(now) >= capacity ? null : bucket);
        }
    }

    /** How many keys are held now. */
    public int size() {
        return buckets.size();
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        double level(long now) {
            return Math.min(capacity, tokens + Math.max(0, now - refilledAt) / 1e9 * refillPerSecond);
        }

        RateLimitDecision take(long now) {
            tokens = level(now);
            refilledAt = Math.max(refilledAt, now);
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            return RateLimitDecision.of(allowed, tokens, capacity, refillPerSecond);
        }
    }
}
