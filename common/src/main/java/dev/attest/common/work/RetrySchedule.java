package dev.attest.common.work;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When the next attempt of a failed item is due, and when to give up: the first attempt is immediate, then the
 * delays follow, each counted from the failed attempt. A receiver's {@code Retry-After} can push an attempt
 * later, never earlier. After {@link #maxAttempts()} attempts the item has failed for good.
 */
public final class RetrySchedule {
    private final List<Duration> delays;

    public RetrySchedule(List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    /** {@code maxAttempts} attempts in all, the delay doubling from {@code first}. */
    public static RetrySchedule exponential(Duration first, int maxAttempts) {
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            delays.add(first.multipliedBy(1L << Math.min(attempt - 1, 30)));
        }
        return new RetrySchedule(delays);
    }

    /**
     * The time of the next attempt after {@code attemptsMade} attempts, the last of which failed at
     * {@code failedAt}; empty when the schedule is exhausted.
     */
    public Optional<Instant> next(int attemptsMade, Instant failedAt, Optional<Duration> retryAfter) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        Duration delay = delays.get(attemptsMade - 1);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            delay = retryAfter.get();
        }
        return Optional.of(failedAt.plus(delay));
    }

    /** {@link #next(int, Instant, Optional)} without a receiver's say. */
    public Optional<Instant> next(int attemptsMade, Instant failedAt) {
        return next(attemptsMade, failedAt, Optional.empty());
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }
}
