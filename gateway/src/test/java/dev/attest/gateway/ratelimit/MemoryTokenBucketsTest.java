package dev.attest.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MemoryTokenBucketsTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final MemoryTokenBuckets buckets = new MemoryTokenBuckets(3, 2, now::get);

    @Test
    void aBurstUpToTheCapacityPassesThenTokensComeBackAtTheRefillRate() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            RateLimitDecision taken = buckets.take("a");
            assertThat(taken.allowed()).isTrue();
            assertThat(taken.remaining()).isEqualTo(remaining);
        }
        RateLimitDecision refused = buckets.take("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(buckets.take("b").allowed()).as("another key").isTrue();

        now.addAndGet(SECOND / 2); // two per second: one token back
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isFalse();
    }

    @Test
    void onlyBucketsThatAreFullAgainAreForgotten() {
        buckets.take("busy");
        buckets.take("busy");
        buckets.take("idle");
        now.addAndGet(SECOND / 2); // idle is full again, busy has 2 of 3

        buckets.forgetFull();

        assertThat(buckets.size()).isEqualTo(1);
        assertThat(buckets.take("busy").remaining()).as("busy kept its level").isEqualTo(1);
    }
}
