package dev.attest.notification.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When the next attempt of a failed delivery is due: the first attempt is immediate, then the configured
 * delays follow (each counted from the failed attempt). A receiver's {@code Retry-After} can push an
 * attempt later, never earlier.
 */
public final class RetrySchedule {
    private final List<Duration> delays;

    public RetrySchedule(List<Duration> delays) {
        this.delays = List.copyOf(delays);
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

    public int maxAttempts() {
        return delays.size() + 1;
    }
}
