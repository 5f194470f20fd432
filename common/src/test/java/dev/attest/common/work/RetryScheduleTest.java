package dev.attest.common.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private final RetrySchedule schedule = new RetrySchedule(List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10)));

    @Test
    void followsTheSvixScheduleAfterEachFailure() {
        assertThat(schedule.next(1, T, Optional.empty())).contains(T.plusSeconds(5));
        assertThat(schedule.next(2, T, Optional.empty())).contains(T.plus(Duration.ofMinutes(5)));
        assertThat(schedule.next(3, T, Optional.empty())).contains(T.plus(Duration.ofMinutes(30)));
        assertThat(schedule.next(7, T, Optional.empty())).contains(T.plus(Duration.ofHours(10)));
    }

    @Test
    void givesUpAfterTheEighthAttempt() {
        assertThat(schedule.maxAttempts()).isEqualTo(8);
        assertThat(schedule.next(8, T, Optional.empty())).isEmpty();
    }

    @Test
    void retryAfterPushesLaterButNeverEarlier() {
        assertThat(schedule.next(1, T, Optional.of(Duration.ofSeconds(60)))).contains(T.plusSeconds(60));
        assertThat(schedule.next(2, T, Optional.of(Duration.ofSeconds(60)))).contains(T.plus(Duration.ofMinutes(5)));
    }

    @Test
    void anExponentialScheduleDoublesItsDelayAndAllowsTheStatedNumberOfAttempts() {
        RetrySchedule exponential = RetrySchedule.exponential(Duration.ofSeconds(5), 4);
        assertThat(exponential.maxAttempts()).isEqualTo(4);
        assertThat(exponential.next(1, T)).contains(T.plusSeconds(5));
        assertThat(exponential.next(2, T)).contains(T.plusSeconds(10));
        assertThat(exponential.next(3, T)).contains(T.plusSeconds(20));
        assertThat(exponential.next(4, T)).isEmpty();
    }
}
